package io.metering.application.port.in.imports;

import io.metering.application.model.ImportJob;
import io.metering.application.model.ImportUpload;
import io.metering.application.access.Caller;
import java.util.UUID;

/**
 * Imports of uploaded files while the service runs (docs/import-export.md "Imports over HTTP"):
 * the same use case, rules and all-or-nothing as the command line's {@code import}, one job at a
 * time, each job's state kept in the store so that a restart shows an interrupted job as failed.
 */
public interface ImportJobsUseCase {
    /**
     * Checks the file's format and header, records a queued job and starts it behind the caller.
     *
     * @return the queued job
     * @throws io.metering.domain.error.InvalidRequestException {@code unsupported_format} for a file
     *     of no format the service reads, {@code invalid_body} for a malformed header
     * @throws io.metering.domain.error.ForbiddenException if the caller is not an admin
     */
    ImportJob submit(Caller caller, ImportUpload upload);

    /**
     * @return the job with its progress now
     * @throws io.metering.domain.error.NotFoundException if no job of the caller's organization has the id
     */
    ImportJob find(Caller caller, UUID id);
}
