package io.metering.domain.reading;

import io.metering.domain.code.WireCodes;
import io.metering.domain.meter.Meter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a new reading with the value of a stored reading of the same series and business day is
 * that same reading (docs/domain.md#same-reading-same-business-day): an ERP echoing a portal
 * reading back as a date-only timestamp confirms the stored reading instead of adding a second one,
 * and so does a portal reading of a day an ERP reading named by its date.
 * Set per meter by this product's meter attribute {@value #ATTRIBUTE}.
 */
public enum EchoMatching {
    /** The default: same series, same business day, equal value: the same reading. */
    SAME_DAY("same_day"),
    /** Every write at a new instant stores a new reading. */
    OFF("off");

    /** The meter attribute that holds the setting. */
    public static final String ATTRIBUTE = "reading_echo";

    private final String code;

    EchoMatching(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    private static final WireCodes<EchoMatching> BY_CODE = WireCodes.of(values(), m -> m.code);

    /** @return the setting for a wire value, or empty if unknown */
    public static Optional<EchoMatching> fromCode(String code) {
        return BY_CODE.find(code);
    }

    /** The accepted wire values, for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(EchoMatching::code).collect(Collectors.joining(", "));
    }

    /** The meter's setting; {@link #SAME_DAY} when absent. */
    public static EchoMatching of(Meter meter) {
        return meter.attributes().get(ATTRIBUTE) instanceof String text ? fromCode(text).orElse(SAME_DAY) : SAME_DAY;
    }

    /**
     * Whether {@code later} is an echo of {@code stored}: same series, another instant in the same
     * business day, an equal value, from another source (the ERP sending back what the portal took).
     * Two readings of one source on one day with an equal value are two observations of a register
     * standing still (an hourly water meter through the night), never one reading twice.
     */
    public static boolean isEcho(Reading stored, Reading later, ZoneId businessZone) {
        return stored.series().equals(later.series()) && !stored.timestamp().equals(later.timestamp())
                && stored.source() != later.source()
                && stored.value().compareTo(later.value()) == 0
                && day(stored.timestamp(), businessZone).equals(day(later.timestamp(), businessZone));
    }

    /** Whether the instant is 00:00 UTC, as a date-only input is stored. */
    public static boolean isDateOnly(Instant t) {
        return t.equals(LocalDate.ofInstant(t, java.time.ZoneOffset.UTC).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    /**
     * The stored reading as the echo confirms it: its instant and value stay (the stored instant is
     * the more precise one when the echo carries a date only), the echo's source and the fields it
     * sends refresh it.
     */
    public static Reading confirm(Reading stored, Reading echo) {
        Map<String, String> metadata = echo.metadata().isEmpty() ? stored.metadata() : echo.metadata();
        return new Reading(stored.meterId(), stored.counterId(), stored.direction(), stored.timestamp(), stored.value(),
                echo.source(), or(echo.reason(), stored.reason()), or(echo.readBy(), stored.readBy()),
                echo.status() != null ? echo.status() : stored.status(), or(echo.externalId(), stored.externalId()),
                or(echo.remark(), stored.remark()), or(echo.note(), stored.note()), or(echo.unit(), stored.unit()), metadata);
    }

    /**
     * The business day of a reading; a reading at 00:00 UTC (how a date-only input is stored) is of
     * its UTC date, the date its writer named (docs/domain.md#date-only-today).
     */
    public static LocalDate day(Instant t, ZoneId zone) {
        return isDateOnly(t) ? LocalDate.ofInstant(t, java.time.ZoneOffset.UTC) : LocalDate.ofInstant(t, zone);
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}
