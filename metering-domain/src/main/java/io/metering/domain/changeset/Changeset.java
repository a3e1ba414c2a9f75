package io.metering.domain.changeset;

import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.Objects;

/**
 * A pending governed edit of a reading (docs/domain.md#changesets; contract schema
 * {@code MeterReadingChangeset}): the proposed reading and a snapshot of the reading it would
 * replace. It does not change the series until applied.
 *
 * @param id identity
 * @param org owning organization
 * @param meterId the meter
 * @param counterId the counter
 * @param proposed the proposed reading (timestamp always set)
 * @param previous the stored reading at the proposal's key when the changeset was made, may be null
 * @param governance the meter's governance when the changeset was made
 * @param createdAt creation instant
 * @param createdBy who caused it
 * @param source the source of the intercepted write
 */
public record Changeset(ChangesetId id, OrganizationId org, MeterId meterId, CounterId counterId, ProposedReading proposed,
        ProposedReading previous, ReadingGovernance governance, Instant createdAt, ChangesetCreator createdBy,
        ReadingSource source) {
    /** @throws NullPointerException if a required part is null */
    public Changeset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(counterId, "counterId");
        Objects.requireNonNull(proposed, "proposed");
        Objects.requireNonNull(proposed.timestamp(), "proposed.timestamp");
        Objects.requireNonNull(governance, "governance");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A copy with another proposal (PATCH of a changeset). */
    public Changeset withProposed(ProposedReading newProposed) {
        return new Changeset(id, org, meterId, counterId, newProposed, previous, governance, createdAt, createdBy, source);
    }
}
