package io.metering.application.port.in.changeset;

import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.MeterId;
import java.util.Objects;

/**
 * Names a changeset by the contract's path {@code /reading/{meter_id}/{counter_id}/changesets/{changeset_id}}.
 * The changeset must belong to that meter and counter, else it reads as not found.
 *
 * @param meterId the meter
 * @param counterId the counter
 * @param changesetId the changeset
 */
public record ChangesetAddress(MeterId meterId, CounterId counterId, ChangesetId changesetId) {
    /** @throws NullPointerException if a part is null */
    public ChangesetAddress {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(counterId, "counterId");
        Objects.requireNonNull(changesetId, "changesetId");
    }

    /**
     * Reads the path's changeset id, which the contract types as any string.
     *
     * @throws NotFoundException when the text is not a UUID: no such changeset can exist
     */
    public static ChangesetAddress of(MeterId meterId, CounterId counterId, String changesetId) {
        return new ChangesetAddress(meterId, counterId, ChangesetId.parse(changesetId)
                .orElseThrow(() -> new NotFoundException("changeset " + changesetId + " not found")));
    }
}
