package io.metering.domain.plausibility;

import io.metering.domain.consumption.ConsumptionRate;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recent history of one of a meter's other registers, as the plausibility rule reads it for a
 * {@link PlausibilityRule#meterPace meter pace} (docs/domain.md#plausibility-formula).
 *
 * @param series the register (counter and direction)
 * @param newestFirst up to {@value RateWindow#MAX_POINTS} plausible points of the register at or
 *     before the instant judged, newest first (empty when it has none)
 * @param capacity the register's capacity, if it rolls over
 */
public record RegisterHistory(SeriesKey series, List<SeriesPoint> newestFirst, Optional<RegisterCapacity> capacity) {
    /** @throws NullPointerException if a part is null */
    public RegisterHistory {
        Objects.requireNonNull(series, "series");
        newestFirst = List.copyOf(newestFirst);
        Objects.requireNonNull(capacity, "capacity");
    }

    /**
     * This history with the points a write holds of the register and the store does not yet: those
     * at or before {@code t} and not implausible, winning over a stored point at the same instant,
     * newest first, at most {@value RateWindow#MAX_POINTS}.
     *
     * @param written the write's points of this register, in any order
     * @param t the instant judged
     */
    public RegisterHistory withWritten(Collection<SeriesPoint> written, Instant t) {
        if (written.isEmpty()) {
            return this;
        }
        Map<Instant, SeriesPoint> byInstant = new HashMap<>();
        for (SeriesPoint p : written) {
            if (!p.implausible() && !p.timestamp().isAfter(t)) {
                byInstant.put(p.timestamp(), p);
            }
        }
        newestFirst.forEach(p -> byInstant.putIfAbsent(p.timestamp(), p));
        List<SeriesPoint> merged = new ArrayList<>(byInstant.values());
        merged.sort(Comparator.comparing(SeriesPoint::timestamp).reversed());
        return new RegisterHistory(series, merged.subList(0, Math.min(RateWindow.MAX_POINTS, merged.size())), capacity);
    }

    /** The register's {@link RateWindow#activeRate() active rate} at its latest point; empty without a rate. */
    public Optional<ConsumptionRate> activeRate() {
        for (int i = 0; i < newestFirst.size(); i++) {
            if (!newestFirst.get(i).implausible()) {
                return RateWindow.endingAt(newestFirst.get(i), newestFirst.subList(i + 1, newestFirst.size()), capacity).activeRate();
            }
        }
        return Optional.empty();
    }

    /**
     * The fastest {@link #activeRate() active rate} of the registers, compared per unit of time;
     * empty when none has a rate.
     */
    public static Optional<ConsumptionRate> fastest(Collection<RegisterHistory> registers) {
        ConsumptionRate fastest = null;
        for (RegisterHistory r : registers) {
            Optional<ConsumptionRate> rate = r.activeRate();
            if (rate.isPresent() && (fastest == null || PlausibilityRule.isFaster(rate.get(), fastest))) {
                fastest = rate.get();
            }
        }
        return Optional.ofNullable(fastest);
    }
}
