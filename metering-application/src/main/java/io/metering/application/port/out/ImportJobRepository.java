package io.metering.application.port.out;

import io.metering.application.model.ImportJob;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Stored import jobs. Each call is its own transaction, apart from any import's. */
public interface ImportJobRepository {
    /** Stores a new job. */
    void insert(ImportJob job);

    /** Replaces the stored job with the same organization and id. */
    void update(ImportJob job);

    /** The job, if it exists in the organization. */
    Optional<ImportJob> findById(OrganizationId org, UUID id);

    /**
     * Marks every queued or running job failed, with the refusal given: after a restart no job runs.
     *
     * @return how many were marked
     */
    int failUnfinished(Instant now, ImportJob.Refusal why);
}
