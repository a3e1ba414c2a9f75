package io.metering.application.model;

import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;

/**
 * Finds the meter and counter an import row or message names by the user's identifiers
 * (docs/import-export.md "Keys"), remembering what it found, so a file of a million rows asks the
 * store once per distinct key. Used by one thread, outside any import transaction.
 */
public interface CounterLocator {
    /**
     * @param key how the row names the meter
     * @return the meter; for {@link MeterKey.Kind#METER_ID} the id as given (the import's own
     *     checks refuse a meter that does not exist)
     * @throws io.metering.domain.error.InvalidRequestException {@code unknown_key} if no meter of the
     *     caller's organization has that identifier, {@code ambiguous_key} if several have it,
     *     {@code invalid_parameter} if a meter id is not a UUID
     */
    MeterId meter(MeterKey key);

    /**
     * The meter's counter of an OBIS code, compared as registers are ({@link
     * io.metering.domain.counter.ObisCode#sameRegister}). Where several counters carry the code, a
     * given direction picks the one that measures it (declared, or implied by its OBIS code).
     *
     * @param meter the meter, as {@link #meter} found it
     * @param obisNumber the OBIS code
     * @param direction the row's direction, null if it names none
     * @return the counter
     * @throws io.metering.domain.error.InvalidRequestException {@code unknown_key} if no counter of
     *     the meter carries the code, {@code ambiguous_key} if several do
     */
    CounterId counter(MeterId meter, String obisNumber, Direction direction);
}
