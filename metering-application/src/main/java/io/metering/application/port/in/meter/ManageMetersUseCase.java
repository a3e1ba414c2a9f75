package io.metering.application.port.in.meter;

import io.metering.application.access.Caller;
import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import java.util.Map;

/**
 * Meter administration (this product's extension; the contract cannot create meters). Admin only.
 * Attributes are given by their contract names ({@code ma_lo_id}, {@code customer}, ...); unknown
 * attributes are kept as sent.
 */
public interface ManageMetersUseCase {
    /**
     * @param attributes the meter's attributes; {@code _id} may name the id (a UUID)
     * @throws io.metering.domain.error.ConflictException if the id exists
     */
    Meter create(Caller caller, Map<String, Object> attributes);

    /** Meters of the organization matching the filter, oldest first. */
    Page<MeterView> list(Caller caller, MeterFilter filter, PageRequest page);

    /**
     * Changes the named attributes; a null value removes an attribute.
     *
     * @throws io.metering.domain.error.NotFoundException outside the caller's reach
     * @throws io.metering.domain.error.ForbiddenException portal users changing protected attributes
     */
    Meter update(Caller caller, MeterId id, Map<String, Object> changes);

    /**
     * Deletes the meter with its counters, readings and changesets.
     *
     * @throws io.metering.domain.error.NotFoundException if it does not exist
     */
    void delete(Caller caller, MeterId id);
}
