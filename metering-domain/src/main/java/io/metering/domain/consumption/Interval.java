package io.metering.domain.consumption;

import io.metering.domain.code.WireCodes;
import java.util.Locale;
import java.util.Optional;

/** How a time span is split into periods for consumption (calendar periods, or one billing period). */
public enum Interval {
    /** Calendar days. */
    DAY,
    /** ISO weeks, Monday to Sunday. */
    WEEK,
    /** Calendar months. */
    MONTH,
    /** Calendar years. */
    YEAR,
    /** The whole span as one period (a billing period). */
    PERIOD;

    /** The wire code, e.g. {@code day}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static final WireCodes<Interval> BY_CODE = WireCodes.of(values(), i -> i.code());

    /** @return the interval for a wire code, or empty if unknown */
    public static Optional<Interval> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
