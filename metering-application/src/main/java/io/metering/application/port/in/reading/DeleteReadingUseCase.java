package io.metering.application.port.in.reading;

import io.metering.domain.reading.Reading;
import java.util.List;

/**
 * Deletes stored readings (contract operation deleteMeterReading). The contract identifies the
 * reading by meter, counter and timestamp only; when no direction is given and the counter implies
 * none, every reading of the counter at that instant is deleted (at most one per direction).
 * Deletes apply directly on governed meters too: a changeset can only propose a value.
 *
 * <p>With validation on, a delete that would leave the series out of order is refused: removing a
 * segment start ({@code meter_change}, {@code meter_adjustment}) can join a higher earlier segment
 * to a lower later one.
 */
public interface DeleteReadingUseCase {
    /**
     * @param command what to delete
     * @return the deleted readings (one, or two when both directions were stored at that instant)
     * @throws io.metering.domain.error.NotFoundException nothing stored at the address, or
     *     meter/counter unknown or outside the organization
     * @throws io.metering.domain.error.InvalidRequestException {@code less_than_previous} naming the
     *     reading whose order the delete would break
     * @throws io.metering.domain.error.ForbiddenException for portal callers
     */
    List<Reading> delete(DeleteReadingCommand command);
}
