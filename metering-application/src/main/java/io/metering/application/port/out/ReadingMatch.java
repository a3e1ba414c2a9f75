package io.metering.application.port.out;

import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import java.time.Instant;
import java.util.Map;

/**
 * Criteria that identify stored readings for batch writes with {@code identifiers} (docs/domain.md
 * "Batch v2 and prune"). Every non-null criterion must hold; metadata entries must all be equal.
 *
 * @param meterId the meter, may be null
 * @param counterId the counter, may be null
 * @param direction the direction, may be null
 * @param timestamp the instant, may be null
 * @param externalId the external id, may be null
 * @param metadata metadata entries that must be present with these values
 */
public record ReadingMatch(MeterId meterId, CounterId counterId, Direction direction, Instant timestamp, String externalId,
        Map<String, String> metadata) {
    /** Copies the metadata. */
    public ReadingMatch {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Whether {@code r} meets every criterion given. */
    public boolean selects(Reading r) {
        return (meterId == null || meterId.equals(r.meterId()))
                && (counterId == null || counterId.equals(r.counterId()))
                && (direction == null || direction == r.direction())
                && (timestamp == null || timestamp.equals(r.timestamp()))
                && (externalId == null || externalId.equals(r.externalId()))
                && metadata.entrySet().stream().allMatch(e -> e.getValue().equals(r.metadata().get(e.getKey())));
    }

    /** Whether no criterion is given (such a match would select everything, so it is refused). */
    public boolean isEmpty() {
        return meterId == null && counterId == null && direction == null && timestamp == null && externalId == null
                && metadata.isEmpty();
    }
}
