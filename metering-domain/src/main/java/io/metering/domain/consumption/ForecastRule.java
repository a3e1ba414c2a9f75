package io.metering.domain.consumption;

import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The register value expected at a later instant (docs/domain.md#reading-the-series:
 * {@code forecast_reading_value} "from the counter's consumption rate"): the anchor's value plus the
 * {@link RateWindow#averageRate() average rate} times the time since the anchor,
 * {@code value + advance x (target - anchor) / span}, rounded once HALF_EVEN at the
 * {@link Estimates estimate scale}. A rolling register's forecast wraps: it is taken modulo the
 * capacity.
 */
public final class ForecastRule {
    private ForecastRule() {}

    /**
     * @param window the recent history ending at the latest plausible reading
     * @param target the instant to forecast, not before the anchor
     * @return the expected register value, or empty when the history is too short
     * @throws IllegalArgumentException if the target lies before the anchor (use
     *     {@link ConsumptionCurve} inside the recorded history)
     */
    public static Optional<BigDecimal> extrapolate(RateWindow window, Instant target) {
        SeriesPoint anchor = window.anchor();
        if (target.isBefore(anchor.timestamp())) {
            throw new IllegalArgumentException("forecast target " + target + " lies before the latest reading " + anchor.timestamp());
        }
        return window.averageRate().map(rate -> {
            BigDecimal expected = rate.advanceOver(Duration.between(anchor.timestamp(), target),
                    Estimates.scaleFor(anchor.value()), RoundingMode.HALF_EVEN);
            BigDecimal value = anchor.value().add(expected);
            return window.capacity().map(RegisterCapacity::value).map(value::remainder).orElse(value);
        });
    }
}
