package io.metering.domain.governance;

import io.metering.domain.code.WireCodes;
import java.util.Optional;

/** How a direct write's value is compared with a pending changeset's proposal for auto-clear. */
public enum MatchStrategy {
    /** Values must be numerically equal. */
    EXACT("exact"),
    /** Values may differ within the {@link FuzzyConfig} thresholds. */
    FUZZY("fuzzy");

    private final String code;

    MatchStrategy(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    private static final WireCodes<MatchStrategy> BY_CODE = WireCodes.of(values(), m -> m.code);

    /** @return the strategy for a wire value, or empty if unknown */
    public static Optional<MatchStrategy> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
