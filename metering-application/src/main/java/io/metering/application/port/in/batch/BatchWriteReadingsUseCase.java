package io.metering.application.port.in.batch;

/**
 * Upserts, updates and deletes readings matched by identifiers, all or nothing in one transaction
 * (contract operation batchWriteMeterReadings; docs/domain.md#batch-v2-and-prune).
 *
 * <p>Each item selects stored readings by its identifier fields: create inserts when none match and
 * replaces the one that matches (moving it when the item's timestamp differs and timestamp is not an
 * identifier); update replaces the one match; delete deletes it. More than one match is always
 * {@code multiple_readings_found}, for deletes too: identifiers are meant to be unique and a
 * delete that silently took several readings would be the costliest surprise. All written items
 * are validated together against neighbours that exclude every replaced, moved or deleted reading,
 * and removals must not leave a series out of order. Non-direct creates and updates on governed
 * meters become changesets; deletes apply directly (a changeset can only propose a value). Direct
 * writes ({@code direct=true} or source ERP) clear the changesets they confirm.
 */
public interface BatchWriteReadingsUseCase {
    /**
     * @param command the items
     * @return one result per item, in request order
     * @throws io.metering.domain.error.InvalidRequestException naming {@code readings[i]}:
     *     {@code multiple_readings_found}, {@code duplicate_reading} (two items address one key or one
     *     stored reading, or a write lands on a stored reading the identifiers did not match),
     *     {@code no_counter}, {@code no_direction}, {@code invalid_parameter} (moving a governed
     *     reading without confirmation), or a write rule ({@code timestamp_future},
     *     {@code less_than_previous}, ...)
     * @throws io.metering.domain.error.NotFoundException naming {@code readings[i]}: an unknown meter
     *     or counter, or an update/delete that matches nothing
     * @throws io.metering.domain.error.ForbiddenException for portal callers
     */
    BatchWriteResult write(BatchWriteCommand command);
}
