package io.metering.adapters.http.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.metering.application.model.ImportJob;
import java.time.Instant;
import java.util.List;

/**
 * An import job as the API shows it (OpenAPI schema {@code ImportJob}).
 *
 * @param id the job's id
 * @param format {@code csv} or {@code mscons}
 * @param commit {@code file} or {@code chunk}
 * @param status {@code queued}, {@code running}, {@code succeeded} or {@code failed}
 * @param rowsRead records read from the file so far
 * @param rowsStored records validated and handed to the store
 * @param rowsRefused records refused
 * @param rowsImplausible records stored with status {@code implausible}
 * @param refusals why, with positions
 * @param createdAt when the file was accepted; written in milliseconds like every instant (the 202
 *     answer holds the clock's nanoseconds, the stored job milliseconds: both show the same)
 * @param startedAt when the import started, null before
 * @param finishedAt when it ended, null before
 */
record ImportJobJson(String id, String format, String commit, String status, @JsonProperty("rows_read") long rowsRead,
        @JsonProperty("rows_stored") long rowsStored, @JsonProperty("rows_refused") long rowsRefused,
        @JsonProperty("rows_implausible") long rowsImplausible, List<ImportJob.Refusal> refusals,
        @JsonProperty("created_at") Instant createdAt, @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt) {

    static ImportJobJson of(ImportJob job) {
        return new ImportJobJson(job.id().toString(), job.format(), job.commit().name().toLowerCase(java.util.Locale.ROOT),
                job.status().code(), job.rowsRead(), job.rowsStored(), job.rowsRefused(), job.rowsImplausible(), job.refusals(), job.createdAt(),
                job.startedAt(), job.finishedAt());
    }
}
