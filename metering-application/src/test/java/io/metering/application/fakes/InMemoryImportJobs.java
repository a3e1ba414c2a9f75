package io.metering.application.fakes;

import io.metering.application.model.ImportJob;
import io.metering.application.port.out.ImportJobRepository;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ImportJobRepository} in memory, for tests of the job service and its routes. */
public final class InMemoryImportJobs implements ImportJobRepository {
    private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();

    @Override
    public void insert(ImportJob job) {
        if (jobs.putIfAbsent(job.id(), job) != null) {
            throw new IllegalStateException("job " + job.id() + " exists");
        }
    }

    @Override
    public void update(ImportJob job) {
        jobs.replace(job.id(), job);
    }

    @Override
    public Optional<ImportJob> findById(OrganizationId org, UUID id) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.org().equals(org));
    }

    @Override
    public int failUnfinished(Instant now, ImportJob.Refusal why) {
        int n = 0;
        for (ImportJob j : List.copyOf(jobs.values())) {
            if (!j.status().finished()) {
                jobs.put(j.id(), new ImportJob(j.id(), j.org(), j.format(), j.commit(), ImportJob.Status.FAILED, j.rowsRead(),
                        j.rowsStored(), j.rowsRefused(), j.rowsImplausible(), List.of(why), j.createdAt(), j.startedAt(), now));
                n++;
            }
        }
        return n;
    }
}
