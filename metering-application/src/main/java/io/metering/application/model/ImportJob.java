package io.metering.application.model;

import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An import of an uploaded file, run beside the service (docs/import-export.md "Imports over
 * HTTP"): what it imports, how far it has come and how it ended.
 *
 * @param id the job's id
 * @param org the organization imported into
 * @param format {@code csv} or {@code mscons}
 * @param commit what is all or nothing
 * @param status where it is
 * @param rowsRead records read from the file so far (CSV rows, MSCONS values)
 * @param rowsStored records validated and handed to the store (committed when the job has succeeded,
 *     or per chunk with {@link ImportCommit#CHUNK})
 * @param rowsRefused records refused (an import stops at the first refusal)
 * @param rowsImplausible records stored with status {@code implausible} (marked by the file, by the
 *     plausibility rule, or shown to be a slip by the record after them; docs/domain.md#plausibility):
 *     they take no part in ordering checks, so the count is how an import tells of them
 * @param refusals the refusals, with their positions
 * @param createdAt when the file was accepted
 * @param startedAt when the import started, null before
 * @param finishedAt when it ended, null before
 */
public record ImportJob(UUID id, OrganizationId org, String format, ImportCommit commit, Status status,
        long rowsRead, long rowsStored, long rowsRefused, long rowsImplausible, List<Refusal> refusals, Instant createdAt, Instant startedAt,
        Instant finishedAt) {

    /** Where a job is. */
    public enum Status {
        /** Accepted, waiting for the import before it. */
        QUEUED,
        /** Importing. */
        RUNNING,
        /** Everything stored. */
        SUCCEEDED,
        /** Refused or interrupted: nothing stored (per file) or the chunks before the refusal (per chunk). */
        FAILED;

        /** The code in the API, e.g. {@code succeeded}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether the job has ended. */
        public boolean finished() {
            return this == SUCCEEDED || this == FAILED;
        }
    }

    /**
     * Why records were refused, or why the job failed.
     *
     * @param row the 0-based record position in the file ({@code readings[i]}), null if none applies
     * @param line the line of a CSV file or segment position of an MSCONS interchange, null if unknown
     * @param reason the reason code, as in API errors
     * @param message what is wrong
     */
    public record Refusal(Long row, Long line, String reason, String message) {}

    /** @throws NullPointerException if a required part is null */
    public ImportJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
    }

    /** This job with another count of implausible records. */
    public ImportJob withImplausible(long implausible) {
        return new ImportJob(id, org, format, commit, status, rowsRead, rowsStored, rowsRefused, implausible, refusals, createdAt, startedAt,
                finishedAt);
    }

    /** This job with other progress counts. */
    public ImportJob withProgress(long read, long stored, long refused) {
        return new ImportJob(id, org, format, commit, status, read, stored, refused, rowsImplausible, refusals, createdAt, startedAt,
                finishedAt);
    }
}
