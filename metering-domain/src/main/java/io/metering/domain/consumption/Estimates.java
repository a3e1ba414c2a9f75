package io.metering.domain.consumption;

import java.math.BigDecimal;

/**
 * The scale of estimated register values (interpolated boundary values, forecasts): at least
 * {@value #MIN_SCALE} decimal places, more when the readings they come from have more. Estimates
 * round once, HALF_EVEN, at that scale. Because the scale is never below the readings' own, an
 * interpolated value rounds to a number that still lies between its two readings.
 */
public final class Estimates {
    /** The least number of decimal places of an estimated value. */
    public static final int MIN_SCALE = 6;

    private Estimates() {}

    /** The scale for an estimate derived from these exact values. */
    public static int scaleFor(BigDecimal... values) {
        int scale = MIN_SCALE;
        for (BigDecimal v : values) {
            scale = Math.max(scale, v.scale());
        }
        return scale;
    }
}
