package io.metering.application.service;

import io.metering.application.port.out.PruneCounts;
import io.metering.application.port.out.PruneScope;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.tenant.OrganizationId;
import java.util.List;

/**
 * Told by {@link ReadingWriter}, inside the write's transaction, of every change a reading write
 * makes: the one place where change events (an outbox row in the same transaction) are to be
 * recorded, whichever operation wrote. Called once per change, after the change is stored. The
 * server's wiring hands one listener to {@link UseCaseAssembly} and to the bulk import.
 */
public interface WriteListener {
    /** Records nothing. */
    WriteListener NONE = new WriteListener() { };

    /** @param readings readings stored (inserted, replaced, refreshed or demoted), in write order */
    default void stored(OrganizationId org, List<Reading> readings) {}

    /** @param keys readings deleted or moved away */
    default void removed(OrganizationId org, List<ReadingKey> keys) {}

    /** @param scope what a prune deleted, with its counts */
    default void pruned(OrganizationId org, PruneScope scope, PruneCounts counts) {}

    /** @param changesets new pending changesets */
    default void proposed(OrganizationId org, List<Changeset> changesets) {}

    /** @param changesets pending changesets a write confirmed and cleared */
    default void cleared(OrganizationId org, List<Changeset> changesets) {}
}
