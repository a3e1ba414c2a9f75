package io.metering.application.model;

import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingSource;
import java.time.Instant;

/**
 * Which pending changesets of an organization the review queue shows (docs/console.md "Queues");
 * null filters do not restrict, all given filters must hold.
 *
 * @param meterId only changesets of this meter
 * @param counterId only changesets of this counter
 * @param source only changesets whose intercepted write came from this source
 * @param createdFrom only changesets created at or after this instant
 * @param createdBefore only changesets created before this instant
 */
public record ChangesetQueueFilter(MeterId meterId, CounterId counterId, ReadingSource source, Instant createdFrom,
        Instant createdBefore) {
    /** No filter. */
    public static final ChangesetQueueFilter NONE = new ChangesetQueueFilter(null, null, null, null, null);
}
