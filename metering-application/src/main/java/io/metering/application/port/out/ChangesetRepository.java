package io.metering.application.port.out;

import io.metering.application.model.ChangesetQueueFilter;
import io.metering.application.model.ChangesetQueuePosition;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Pending reading changesets. Every method is bounded by the organization. */
public interface ChangesetRepository {
    /** Stores a new changeset. */
    void insert(Changeset changeset);

    /** Replaces a stored changeset. */
    void update(Changeset changeset);

    /**
     * Removes a changeset.
     *
     * @return whether it existed
     */
    boolean delete(OrganizationId org, ChangesetId id);

    /** The changeset, if it exists in the organization. */
    Optional<Changeset> findById(OrganizationId org, ChangesetId id);

    /** The pending changesets of a counter of a meter, oldest first. */
    List<Changeset> findByCounter(OrganizationId org, MeterId meterId, CounterId counterId);

    /** The pending changesets of the counters, oldest first. */
    List<Changeset> findByCounters(OrganizationId org, Collection<CounterId> counterIds);

    /**
     * The pending changesets of the organization the filter admits, oldest first (creation instant,
     * then id), strictly after {@code after} when given, at most {@code limit}: a page of the review
     * queue (docs/console.md "Queues").
     */
    List<Changeset> findPending(OrganizationId org, ChangesetQueueFilter filter, ChangesetQueuePosition after, int limit);

    /** How many pending changesets the filter admits, counted up to {@code cap} at most. */
    long countPending(OrganizationId org, ChangesetQueueFilter filter, int cap);
}
