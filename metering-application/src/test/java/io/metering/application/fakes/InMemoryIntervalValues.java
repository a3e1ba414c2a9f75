package io.metering.application.fakes;

import io.metering.application.port.out.IntervalValueStore;
import io.metering.domain.consumption.Period;
import io.metering.domain.counter.CounterId;
import io.metering.domain.loadprofile.IntervalValue;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link IntervalValueStore} in memory, without transactions: for service tests that do not roll back. */
public final class InMemoryIntervalValues implements IntervalValueStore {
    private record Key(OrganizationId org, CounterId counter) {}

    private final Map<Key, List<IntervalValue>> values = new ConcurrentHashMap<>();

    @Override
    public synchronized void replace(OrganizationId org, CounterId counter, Period span, List<IntervalValue> batch) {
        List<IntervalValue> kept = new ArrayList<>(overlapping(org, counter, Instant.MIN, Instant.MAX));
        kept.removeIf(v -> v.start().isBefore(span.end()) && v.end().isAfter(span.start()));
        kept.addAll(batch);
        kept.sort(Comparator.comparing(IntervalValue::start));
        values.put(new Key(org, counter), kept);
    }

    @Override
    public synchronized List<IntervalValue> overlapping(OrganizationId org, CounterId counter, Instant from, Instant to) {
        return values.getOrDefault(new Key(org, counter), List.of()).stream()
                .filter(v -> v.start().isBefore(to) && v.end().isAfter(from)).toList();
    }
}
