package io.metering.domain.loadprofile;

import io.metering.domain.code.WireCodes;
import java.util.Locale;
import java.util.Optional;

/**
 * How an interval value was obtained, after the quantity qualifiers of the German market's MSCONS
 * (QTY 6063): true value, substitute value, provisional value and the like (docs/load-profiles.md).
 */
public enum IntervalQuality {
    /** Measured (QTY qualifier 220, "Wahrer Wert"). */
    TRUE_VALUE("220"),
    /** Substituted for a missing or wrong value (67, "Ersatzwert"). */
    SUBSTITUTE("67"),
    /** Provisional, to be replaced (201, "Vorläufiger Wert"). */
    PROVISIONAL("201"),
    /** Estimated or forecast (187, "Prognosewert"). */
    ESTIMATED("187"),
    /** Energy quantity summed from other values (79, "Energiemenge summiert"). */
    SUMMED("79");

    private final String qualifier;

    IntervalQuality(String qualifier) {
        this.qualifier = qualifier;
    }

    /** The MSCONS quantity qualifier, e.g. {@code 220}. */
    public String qualifier() {
        return qualifier;
    }

    /** The code in the API, e.g. {@code true_value}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final WireCodes<IntervalQuality> BY_QUALIFIER = WireCodes.of(values(), q -> q.qualifier);

    /** The quality of an MSCONS quantity qualifier, if it is one of these. */
    public static Optional<IntervalQuality> ofQualifier(String qualifier) {
        return BY_QUALIFIER.find(qualifier);
    }

    private static final WireCodes<IntervalQuality> BY_CODE = WireCodes.of(values(), q -> q.code());

    /** The quality of an API code, if it is one. */
    public static Optional<IntervalQuality> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
