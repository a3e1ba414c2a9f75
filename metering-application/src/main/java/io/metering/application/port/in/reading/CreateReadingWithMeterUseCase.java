package io.metering.application.port.in.reading;

/**
 * Writes a reading to a meter found by id or MaLo id, on the counter with the given OBIS number,
 * creating that counter when missing (contract operation createReadingWithMeter). Counters match by
 * OBIS register ({@code ObisCode.sameRegister}); when several do, direction and tariff type narrow
 * them. A created counter takes direction and tariff type from the request, else from the OBIS
 * code, and is created in the same transaction as the reading, so a rejected reading leaves no
 * counter behind. The reading goes through the normal write path: validation, changesets on
 * governed meters, auto-clear for direct or ERP writes.
 *
 * <p>A MaLo id can name several meters over time (a meter change): the active one is used; if
 * several are active, the request is ambiguous.
 */
public interface CreateReadingWithMeterUseCase {
    /**
     * @param command the reading and how to find its meter and counter
     * @return the counter, whether it was created, and the stored reading or pending changeset
     * @throws io.metering.domain.error.NotFoundException no meter with that id or MaLo id
     * @throws io.metering.domain.error.InvalidRequestException {@code no_counter} when several
     *     counters remain after narrowing, {@code invalid_parameter} when several active meters
     *     share the MaLo id, or a write rule ({@code timestamp_future}, {@code less_than_previous},
     *     {@code greater_than_subsequent}, {@code contract_period}, ...)
     * @throws io.metering.domain.error.ForbiddenException for portal callers
     */
    ReadingWithMeterResult create(CreateReadingWithMeterCommand command);
}
