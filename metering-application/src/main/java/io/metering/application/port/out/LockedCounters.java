package io.metering.application.port.out;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Counters read and locked together ({@link CounterRepository#lockByMeters}), with what the lock
 * showed of their pending changesets: a writer that confirms readings of a counter without any
 * need not ask for them again (changesets are only proposed under the counter's lock).
 *
 * @param counters the locked counters, ordered by creation time then id
 * @param withChangesets the ids among them that had at least one pending changeset when locked
 */
public record LockedCounters(List<Counter> counters, Set<CounterId> withChangesets) {
    /** Nothing locked. */
    public static final LockedCounters NONE = new LockedCounters(List.of(), Set.of());

    public LockedCounters {
        counters = List.copyOf(Objects.requireNonNull(counters, "counters"));
        withChangesets = Set.copyOf(Objects.requireNonNull(withChangesets, "withChangesets"));
    }
}
