package io.metering.application.service.batch;

import io.metering.application.port.in.batch.BatchItem;
import io.metering.application.port.in.batch.ReadingIdentifiers;
import io.metering.application.port.out.ReadingMatch;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingTarget;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link ReadingMatch} of a v2 batch item from exactly its identifier fields (docs/domain.md
 * "Batch v2 and prune"). Counter and direction, when identifiers but absent from the item, are
 * derived from the item's meter as a write would derive them ({@link ReadingTarget}); a create
 * without timestamp is matched at now, where it would be stored.
 */
final class BatchMatches {
    private BatchMatches() {}

    /**
     * @param item the item (its identifier fields are present or derivable: BatchWriteCommand checked)
     * @param meter the item's meter, null when it names none
     * @param counters the counters of that meter
     * @param now the instant a create without timestamp is stored at
     * @throws InvalidRequestException {@code no_counter} / {@code no_direction} when derivation fails
     */
    static ReadingMatch of(BatchItem item, ReadingIdentifiers ids, Meter meter, List<Counter> counters, Instant now) {
        MeterId meterId = ids.meterId() ? item.meterId() : null;
        CounterId counterId = null;
        if (ids.counterId()) {
            counterId = item.counterId() != null ? item.counterId() : onlyCounter(meter, counters).id();
        }
        Direction direction = null;
        if (ids.direction()) {
            direction = item.direction() != null ? item.direction()
                    : ReadingTarget.resolve(meter, counters, Optional.ofNullable(item.counterId()), Optional.empty()).direction();
        }
        Instant timestamp = ids.timestamp() ? (item.timestamp() != null ? item.timestamp() : now) : null;
        Map<String, String> metadata = new LinkedHashMap<>();
        ids.metadataKeys().forEach(k -> metadata.put(k, item.metadata().get(k)));
        return new ReadingMatch(meterId, counterId, direction, timestamp, ids.externalId() ? item.externalId() : null, metadata);
    }

    private static Counter onlyCounter(Meter meter, List<Counter> counters) {
        if (counters.size() != 1) {
            throw new InvalidRequestException(RejectionReason.NO_COUNTER, "no counter_id given and meter " + meter.id() + " has "
                    + (counters.isEmpty() ? "no counters" : counters.size() + " counters"));
        }
        return counters.get(0);
    }
}
