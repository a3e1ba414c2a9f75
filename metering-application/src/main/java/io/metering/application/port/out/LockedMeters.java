package io.metering.application.port.out;

import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import java.util.List;

/**
 * Meters read together with their counters, the counters locked for reading writes
 * ({@link CounterRepository#lockWithMeters}).
 *
 * @param meters the meters that exist in the organization, in any order
 * @param counters every counter of those meters, locked; ordered by creation time then id
 */
public record LockedMeters(List<Meter> meters, List<Counter> counters) {
    /** Copies both lists. */
    public LockedMeters {
        meters = List.copyOf(meters);
        counters = List.copyOf(counters);
    }
}
