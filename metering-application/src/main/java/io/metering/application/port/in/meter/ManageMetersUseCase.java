package io.metering.application.port.in.meter;

import io.metering.application.access.Caller;
import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;

/**
 * Meter administration (this product's extension; the contract cannot create meters) and the
 * contract's updateMeter. Creating, listing and deleting are admin only.
 */
public interface ManageMetersUseCase {
    /**
     * @param id the new meter's id, null for a fresh one
     * @param fields the meter's fields; those kept take their defaults
     * @throws io.metering.domain.error.ConflictException if the id exists
     * @throws io.metering.domain.error.InvalidRequestException {@code invalid_timestamp} for a lifecycle
     *     date that is not a date or instant
     */
    Meter create(Caller caller, MeterId id, MeterChanges fields);

    /** Meters of the organization matching the filter, oldest first. */
    Page<MeterView> list(Caller caller, MeterFilter filter, PageRequest page);

    /**
     * Applies the changes; fields they keep stay as they are.
     *
     * @throws io.metering.domain.error.NotFoundException outside the caller's reach
     * @throws io.metering.domain.error.ForbiddenException portal users naming a field they may not
     *     change ({@link MeterField#portalMayChange()})
     * @throws io.metering.domain.error.ConflictException {@code readings_after_decommissioning}
     */
    Meter update(Caller caller, MeterId id, MeterChanges changes);

    /**
     * Deletes the meter with its counters, readings and changesets.
     *
     * @throws io.metering.domain.error.NotFoundException if it does not exist
     */
    void delete(Caller caller, MeterId id);
}
