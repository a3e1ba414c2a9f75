package io.metering.application.port.in.counter;

import io.metering.application.access.Caller;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;

/** Counter administration (this product's extension). Admin only. */
public interface ManageCountersUseCase {
    /**
     * @param meterId the meter the counter belongs to
     * @param id the new counter's id, null for a fresh one
     * @param fields the counter's fields; those kept are not set
     * @throws io.metering.domain.error.NotFoundException meter not found
     * @throws io.metering.domain.error.ConflictException if the id exists
     */
    Counter create(Caller caller, MeterId meterId, CounterId id, CounterChanges fields);

    /**
     * Applies the changes; fields they keep stay as they are.
     *
     * @throws io.metering.domain.error.NotFoundException counter not found
     * @throws io.metering.domain.error.ConflictException {@code counter_has_readings}: the change would
     *     alter the direction (declared or OBIS-implied) or replace the unit of a counter that holds readings
     */
    Counter update(Caller caller, CounterId id, CounterChanges changes);

    /**
     * Deletes the counter with its readings and changesets.
     *
     * @throws io.metering.domain.error.NotFoundException counter not found
     */
    void delete(Caller caller, CounterId id);
}
