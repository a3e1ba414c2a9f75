package io.metering.application.port.in.reading;

/**
 * Changes a stored reading (contract operation updateMeterReading; docs/domain.md#writing-readings).
 * The new content is validated against the reading's new neighbours, ignoring the reading itself
 * at its old instant. On a governed meter a write that is neither {@code direct} nor source ERP
 * becomes a pending changeset instead (docs/domain.md#changesets).
 */
public interface UpdateReadingUseCase {
    /**
     * @param command what to change
     * @return the stored reading, or the pending changeset
     * @throws io.metering.domain.error.NotFoundException no reading at the address, or meter/counter
     *     unknown or outside the organization
     * @throws io.metering.domain.error.InvalidRequestException {@code no_direction} (the counter
     *     implies no direction and holds readings of both directions at that instant),
     *     {@code duplicate_reading} (moved onto another reading), {@code invalid_parameter} (moving a
     *     governed reading without confirmation), or a write rule ({@code timestamp_future},
     *     {@code less_than_previous}, {@code greater_than_subsequent}, ...)
     * @throws io.metering.domain.error.ForbiddenException for portal callers
     */
    ReadingOutcome update(UpdateReadingCommand command);
}
