package io.metering.application.port.out;

import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Stored meters. Every method is bounded by the organization; an id alone never reaches data. */
public interface MeterRepository {
    /**
     * Stores a new meter.
     *
     * @throws io.metering.domain.error.ConflictException if a meter with its id exists, also when a
     *     concurrent transaction stored it first
     */
    void insert(Meter meter);

    /** Replaces the stored meter with the same organization and id. */
    void update(Meter meter);

    /**
     * Deletes a meter together with its counters, readings and changesets.
     *
     * @return whether it existed
     */
    boolean delete(OrganizationId org, MeterId id);

    /**
     * Locks the meter until the current transaction ends, so that counters are added to it one at
     * a time (a find-or-create of a counter then finds what a concurrent one created) and never to
     * a meter that is being deleted. Reads and reading writes do not wait for it.
     *
     * @throws io.metering.domain.error.NotFoundException if the meter does not exist, including one
     *     that a transaction deleted while this one waited for the lock
     * @throws IllegalStateException outside a read-write transaction, where a lock would end at once
     */
    void lockForCounterChanges(OrganizationId org, MeterId id);

    /** The meter, if it exists in the organization. */
    Optional<Meter> findById(OrganizationId org, MeterId id);

    /** The meters of the ids that exist in the organization, in any order. */
    List<Meter> findByIds(OrganizationId org, Collection<MeterId> ids);

    /**
     * Meters matching the search, ordered by creation time then id.
     *
     * @param page the window; {@link PageRequest#ALL} for all
     */
    Page<Meter> search(OrganizationId org, MeterSearch search, PageRequest page);

    /**
     * The meters whose attribute of that name is that text (such as {@code me_lo_id}, the MeLo id
     * of docs/import-export.md "Keys"), in any order.
     */
    List<Meter> findByAttribute(OrganizationId org, String name, String value);
}
