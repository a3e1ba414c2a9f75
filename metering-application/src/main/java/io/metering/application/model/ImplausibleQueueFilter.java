package io.metering.application.model;

import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingSource;
import java.time.Instant;

/**
 * Which implausible readings of an organization the review queue shows (docs/console.md "Queues");
 * null filters do not restrict, all given filters must hold.
 *
 * @param meterId only readings of this meter
 * @param counterId only readings of this counter
 * @param source only readings from this source
 * @param from only readings at or after this instant
 * @param before only readings before this instant
 */
public record ImplausibleQueueFilter(MeterId meterId, CounterId counterId, ReadingSource source, Instant from, Instant before) {
    /** No filter. */
    public static final ImplausibleQueueFilter NONE = new ImplausibleQueueFilter(null, null, null, null, null);
}
