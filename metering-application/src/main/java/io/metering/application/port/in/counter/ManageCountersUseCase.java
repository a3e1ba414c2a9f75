package io.metering.application.port.in.counter;

import io.metering.application.access.Caller;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import java.util.Map;

/** Counter administration (this product's extension). Admin only. */
public interface ManageCountersUseCase {
    /**
     * @param meterId the meter the counter belongs to
     * @param attributes attributes by contract name ({@code obis_number}, {@code direction}, ...);
     *     {@code _id} may name the id
     * @throws io.metering.domain.error.NotFoundException meter not found
     * @throws io.metering.domain.error.ConflictException if the id exists
     */
    Counter create(Caller caller, MeterId meterId, Map<String, Object> attributes);

    /**
     * Changes the named attributes; a null value removes an attribute.
     *
     * @throws io.metering.domain.error.NotFoundException counter not found
     * @throws io.metering.domain.error.ConflictException {@code counter_has_readings}: the change would
     *     alter the direction (declared or OBIS-implied) or replace the unit of a counter that holds readings
     */
    Counter update(Caller caller, CounterId id, Map<String, Object> changes);

    /**
     * Deletes the counter with its readings and changesets.
     *
     * @throws io.metering.domain.error.NotFoundException counter not found
     */
    void delete(Caller caller, CounterId id);
}
