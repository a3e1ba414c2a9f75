package io.metering.application.port.in.imports;

import io.metering.application.model.ImportCommit;

/**
 * Bulk import of readings (this product's extension; see docs/import-export.md): the same
 * write rules as createMeterReadings (docs/domain.md#writing-readings), applied chunk by chunk to a
 * stream of any length, each chunk checked against the stored series and against itself.
 */
public interface ImportReadingsUseCase {
    /**
     * @param command what to import
     * @param progress hears progress after each chunk
     * @return what was stored
     * @throws io.metering.domain.error.InvalidRequestException the first rejected reading, named
     *     {@code readings[i]} with i its 0-based position in the stream; with {@link
     *     ImportCommit#FILE} nothing is stored, with {@code CHUNK} the chunks before
     *     its chunk are
     * @throws io.metering.domain.error.ForbiddenException if the caller is not an admin
     */
    ImportReport importReadings(ImportReadingsCommand command, ImportProgress progress);
}
