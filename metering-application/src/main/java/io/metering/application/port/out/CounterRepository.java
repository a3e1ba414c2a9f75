package io.metering.application.port.out;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stored counters (registers). Every method is bounded by the organization. */
public interface CounterRepository {
    /**
     * Stores a new counter.
     *
     * @throws io.metering.domain.error.ConflictException if a counter with its id exists, also when a
     *     concurrent transaction stored it first
     */
    void insert(Counter counter);

    /** Replaces the stored counter with the same organization and id. */
    void update(Counter counter);

    /**
     * Deletes a counter together with its readings and changesets.
     *
     * @return whether it existed
     */
    boolean delete(OrganizationId org, CounterId id);

    /** The counter, if it exists in the organization. */
    Optional<Counter> findById(OrganizationId org, CounterId id);

    /** The counters of a meter, ordered by creation time then id. */
    List<Counter> findByMeter(OrganizationId org, MeterId meterId);

    /** The counters of several meters, ordered by creation time then id. */
    List<Counter> findByMeters(OrganizationId org, Collection<MeterId> meterIds);

    /**
     * Locks the counters for writing readings until the current transaction ends, in id order so
     * that writers of overlapping counter sets cannot deadlock. Writers of the same counter are
     * serialized; writers of different counters proceed in parallel (docs/architecture.md
     * "Persistence").
     *
     * @throws io.metering.domain.error.NotFoundException if one of the counters does not exist,
     *     including one that a transaction deleted while this one waited for its lock: writing on
     *     would store readings of a counter that is gone
     */
    void lockForReadingWrite(OrganizationId org, Collection<CounterId> ids);

    /**
     * Reads and locks every counter of the meters in one step: the lock of
     * {@link #lockForReadingWrite} (id order) on the counters {@link #findByMeters} would return, so
     * a batch write learns its counters and locks them in one round trip. A counter deleted while
     * this waited for its lock is left out, as a read after the deletion would leave it out.
     *
     * @return the locked counters, ordered by creation time then id
     * @throws IllegalStateException outside a read-write transaction, where a lock would end at once
     */
    List<Counter> lockByMeters(OrganizationId org, Collection<MeterId> meterIds);

    /**
     * {@link #lockByMeters} together with the meters themselves ({@link MeterRepository#findByIds}),
     * in one round trip where the store can: a batch write of readings starts with both.
     *
     * @return the meters of the ids that exist in the organization and their locked counters
     * @throws IllegalStateException outside a read-write transaction, where a lock would end at once
     */
    LockedMeters lockWithMeters(OrganizationId org, Collection<MeterId> meterIds);
}
