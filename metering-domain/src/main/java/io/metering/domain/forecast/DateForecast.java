package io.metering.domain.forecast;

import io.metering.domain.consumption.BoundaryValue;
import io.metering.domain.consumption.ConsumptionCurve;
import io.metering.domain.consumption.ForecastRule;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The register value a counter is expected to show at a date (docs/domain.md#forecast:
 * {@code forecast_reading_value} / {@code forecast_as_of}), over any history the caller supplies.
 * The value "at a date" is the one expected when that date ends: at 00:00 of the next day in the
 * business time zone, the boundary a day's consumption ends at too. The series is the latest
 * plausible reading's.
 * <ul>
 *   <li>After the latest plausible reading: {@link ForecastRule} on the {@link RateWindow} ending at
 *       it; none while history is too short.</li>
 *   <li>At or before it: the recorded register value there, interpolated between the surrounding
 *       plausible readings as consumption by period does ({@link ConsumptionCurve}); none before
 *       the first reading.</li>
 * </ul>
 */
public final class DateForecast {
    /** Where the forecast reads the series' plausible history; only what the target needs is asked. */
    public interface History {
        /** Up to {@code limit} plausible points at or before {@code t}, in any order. */
        List<SeriesPoint> recentPlausible(Instant t, int limit);

        /** The latest plausible point at or before {@code t}. */
        Optional<SeriesPoint> lastPlausibleAtOrBefore(Instant t);

        /** The earliest plausible point strictly after {@code t}. */
        Optional<SeriesPoint> firstPlausibleAfter(Instant t);
    }

    private DateForecast() {}

    /** The instant a date's forecast is for: 00:00 of the next day in {@code zone}. */
    public static Instant endOf(LocalDate date, ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * @param target the instant forecast
     * @param latest the series' latest plausible reading
     * @param history the series' plausible history
     * @param capacity the register capacity, if the register rolls over
     * @return the expected register value, or empty when the history cannot tell
     */
    public static Optional<BigDecimal> valueAt(Instant target, SeriesPoint latest, History history, Optional<RegisterCapacity> capacity) {
        Objects.requireNonNull(latest, "latest");
        if (target.isAfter(latest.timestamp())) {
            List<SeriesPoint> recent = history.recentPlausible(latest.timestamp(), RateWindow.MAX_POINTS);
            return ForecastRule.extrapolate(RateWindow.endingAt(latest, recent, capacity), target);
        }
        List<SeriesPoint> around = new ArrayList<>(2);
        history.lastPlausibleAtOrBefore(target).ifPresent(around::add);
        history.firstPlausibleAfter(target).ifPresent(around::add);
        return ConsumptionCurve.of(around, capacity).at(target).map(BoundaryValue::register);
    }
}
