package io.metering.application.port.in.reading;

/** Writes new readings through the write rules of docs/domain.md#writing-readings. */
public interface RecordReadingsUseCase {
    /**
     * @param command what to write
     * @return what was written, and the changesets created for governed meters
     * @throws io.metering.domain.error.InvalidRequestException a broken rule, naming the reading
     * @throws io.metering.domain.error.NotFoundException a meter or counter outside the caller's
     *     reach
     * @throws io.metering.domain.error.ForbiddenException an admin-only option from a portal user
     */
    RecordResult record(RecordReadingsCommand command);
}
