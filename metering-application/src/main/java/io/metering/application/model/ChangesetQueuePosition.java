package io.metering.application.model;

import io.metering.domain.changeset.ChangesetId;
import java.time.Instant;
import java.util.Objects;

/**
 * A place in the changeset queue, which runs oldest first by creation instant, then id: the
 * queue continues strictly after it.
 *
 * @param createdAt creation instant of the last changeset seen
 * @param id its id
 */
public record ChangesetQueuePosition(Instant createdAt, ChangesetId id) {
    /** @throws NullPointerException if a part is null */
    public ChangesetQueuePosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }
}
