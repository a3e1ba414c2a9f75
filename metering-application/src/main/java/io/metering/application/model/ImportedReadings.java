package io.metering.application.model;

import io.metering.domain.counter.CounterId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one committed chunk of a bulk import stored, for its {@code io.metering.readings.imported}
 * event (docs/events.md): the counters it touched and the time span of its readings.
 *
 * @param counters the counters, each once, in id order
 * @param from the earliest reading's instant
 * @param to the latest reading's instant
 * @param readings how many readings the chunk stored, at least 1
 */
public record ImportedReadings(List<CounterId> counters, Instant from, Instant to, long readings) {
    /** @throws NullPointerException if a part is null */
    public ImportedReadings {
        counters = List.copyOf(counters);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
