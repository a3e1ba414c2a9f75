package io.metering.application.service.imports;

import io.metering.application.model.ImportCommit;
import io.metering.application.access.Caller;
import io.metering.application.model.ImportJob;
import io.metering.application.port.in.imports.ImportJobsUseCase;
import io.metering.application.port.in.imports.ImportReadingsCommand;
import io.metering.application.port.in.imports.ImportReport;
import io.metering.application.port.in.imports.ImportReadingsUseCase;
import io.metering.application.port.in.imports.ImportMeteredDataUseCase;
import io.metering.application.model.MeteredMessage;
import io.metering.application.model.ImportUpload;
import io.metering.application.port.in.counter.LocateCountersUseCase;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.out.ImportFileReader;
import io.metering.application.port.out.ImportJobRepository;
import io.metering.domain.error.MeteringException;
import io.metering.domain.error.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs uploaded imports one after another on the executor given, through the same import use case
 * as the command line (docs/import-export.md "Imports over HTTP"). A job's state is stored when it
 * is queued, starts and ends, each in its own transaction; its progress in between is kept in memory
 * and shown by {@link #find}. The import itself is one transaction per file (or per chunk), so a
 * killed service leaves a file's rows all stored or none, and {@link #failUnfinished} (called at
 * start) shows its job failed.
 */
public final class ImportJobService implements ImportJobsUseCase {
    private static final Logger LOG = Logger.getLogger(ImportJobService.class.getName());
    /** Positions an import names in its refusals: {@code readings[i]}, then a CSV line or MSCONS segment. */
    private static final Pattern ROW = Pattern.compile("readings\\[(\\d+)]");
    /** The format of market messages, imported whole through {@link ImportMeteredDataUseCase}. */
    public static final String MSCONS = "mscons";
    private static final Pattern LINE = Pattern.compile("(?:line|segment) (\\d+)");

    private final ImportJobRepository jobs;
    private final ImportFileReader files;
    private final ImportReadingsUseCase importer;
    private final ImportMeteredDataUseCase metered;
    private final LocateCountersUseCase locator;
    private final Executor executor;
    private final Clock clock;
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();

    /**
     * @param jobs the job store
     * @param files reads uploaded files
     * @param importer the import use case the command line uses too
     * @param metered the import of market messages (MSCONS), which the command line uses too
     * @param locator finds meters and counters by the user's keys
     * @param executor runs the jobs; one thread, so that jobs run one at a time in upload order
     * @param clock the injected clock
     */
    public ImportJobService(ImportJobRepository jobs, ImportFileReader files, ImportReadingsUseCase importer,
            ImportMeteredDataUseCase metered, LocateCountersUseCase locator, Executor executor, Clock clock) {
        this.metered = Objects.requireNonNull(metered, "metered");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.files = Objects.requireNonNull(files, "files");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Counts of a running job, read by {@link #find} while the job's thread writes them. */
    private static final class Live {
        final AtomicLong read = new AtomicLong();
        final AtomicLong stored = new AtomicLong();
    }

    /**
     * Marks the jobs a stopped or killed service left queued or running as failed. Call once at
     * start, before jobs are submitted.
     *
     * @return how many were
     */
    public int failUnfinished() {
        return jobs.failUnfinished(clock.instant(), new ImportJob.Refusal(null, null, "interrupted",
                "the service stopped during the import; a per-file import stored nothing, a per-chunk import kept the chunks"
                        + " committed before"));
    }

    @Override
    public ImportJob submit(Caller caller, ImportUpload upload) {
        caller.requireAdmin("importing readings");
        String format;
        try {
            format = files.check(upload);
        } catch (RuntimeException e) {
            files.discard(upload);
            throw e;
        }
        ImportJob job = new ImportJob(UUID.randomUUID(), caller.org(), format, upload.commit(), ImportJob.Status.QUEUED, 0, 0, 0, 0,
                List.of(), clock.instant(), null, null);
        jobs.insert(job);
        live.put(job.id(), new Live());
        executor.execute(() -> run(caller, upload, job));
        return job;
    }

    @Override
    public ImportJob find(Caller caller, UUID id) {
        caller.requireAdmin("reading import jobs");
        ImportJob stored = jobs.findById(caller.org(), id).orElseThrow(() -> new NotFoundException("import job " + id + " not found"));
        Live now = live.get(id);
        return now == null || stored.status().finished() ? stored : stored.withProgress(now.read.get(), now.stored.get(), 0);
    }

    private void run(Caller caller, ImportUpload upload, ImportJob queued) {
        Live counts = live.get(queued.id());
        ImportJob running = new ImportJob(queued.id(), queued.org(), queued.format(), queued.commit(), ImportJob.Status.RUNNING,
                0, 0, 0, 0, List.of(), queued.createdAt(), clock.instant(), null);
        ImportFileReader.Rows opened = null;
        try {
            jobs.update(running);
            long stored;
            long implausible = 0;
            if (queued.format().equals(MSCONS)) {
                List<MeteredMessage> messages = files.messages(upload);
                counts.read.set(messages.stream().mapToLong(MeteredMessage::values).sum());
                ImportMeteredDataUseCase.Report report = metered.importMessages(caller, messages);
                stored = report.readings() + report.intervalValues();
            } else {
                try (ImportFileReader.Rows rows = files.open(upload, queued.format(), locator.locator(caller))) {
                    opened = rows;
                    ImportReport report = importer.importReadings(new ImportReadingsCommand(caller, counted(rows, counts.read),
                            upload.chunkSize(), upload.commit(), upload.validate()), (n, committed) -> counts.stored.set(n));
                    stored = report.rows();
                    implausible = report.implausible();
                }
            }
            jobs.update(finished(running, ImportJob.Status.SUCCEEDED, counts.read.get(), stored, List.of()).withImplausible(implausible));
        } catch (MeteringException e) {
            long stored = upload.commit() == ImportCommit.CHUNK ? committedBefore(e, upload.chunkSize()) : 0;
            ImportJob.Refusal refusal = opened == null ? refusal(e) : refusal(e, opened::lineOf);
            jobs.update(finished(running, ImportJob.Status.FAILED, readUpTo(refusal, counts.read.get()), stored, List.of(refusal)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "import job " + queued.id() + " failed", e);
            jobs.update(finished(running, ImportJob.Status.FAILED, counts.read.get(), 0, List.of(new ImportJob.Refusal(null, null,
                    "internal_error", "the import failed: " + e.getClass().getSimpleName()))));
        } finally {
            live.remove(queued.id());
            files.discard(upload);
        }
    }

    private ImportJob finished(ImportJob running, ImportJob.Status status, long read, long stored, List<ImportJob.Refusal> refusals) {
        long refused = refusals.stream().filter(r -> r.row() != null || r.line() != null).count();
        return new ImportJob(running.id(), running.org(), running.format(), running.commit(), status, read, stored, refused, 0, refusals,
                running.createdAt(), running.startedAt(), clock.instant());
    }

    /**
     * The records read when a refusal ended the job: those up to and including the refused one
     * (docs/import-export.md "Imports over HTTP"). The count of records handed over is no measure:
     * a reader that refuses a record (an unknown key, a malformed line) never hands it over, and a
     * write rule refuses a record after its whole chunk was read.
     */
    private static long readUpTo(ImportJob.Refusal refusal, long counted) {
        return refusal.row() == null ? counted : refusal.row() + 1;
    }

    /** A per-chunk import keeps the whole chunks before the refused record's. */
    private static long committedBefore(MeteringException e, int chunkSize) {
        Matcher row = ROW.matcher(e.getMessage());
        return row.find() ? Long.parseLong(row.group(1)) / chunkSize * chunkSize : 0;
    }

    /**
     * The refusal of an exception, with the record ({@code readings[i]}, 0-based) and the CSV line or
     * MSCONS segment its message names; the command line names the refused row by it too.
     */
    public static ImportJob.Refusal refusal(MeteringException e) {
        String message = e.getMessage();
        Matcher row = ROW.matcher(message);
        Matcher line = LINE.matcher(message);
        return new ImportJob.Refusal(row.find() ? Long.parseLong(row.group(1)) : null, line.find() ? Long.parseLong(line.group(1)) : null,
                e.reason().code(), message);
    }

    /**
     * {@link #refusal(MeteringException)}, with the line of the refused row from the file when the
     * message names only the row, as a write rule's refusal does (docs/import-export.md "Overview").
     *
     * @param lineOf the line a data row ({@code readings[i]}) starts on, if known
     */
    public static ImportJob.Refusal refusal(MeteringException e, LongFunction<OptionalLong> lineOf) {
        ImportJob.Refusal named = refusal(e);
        if (named.line() != null || named.row() == null) {
            return named;
        }
        OptionalLong line = lineOf.apply(named.row());
        return line.isEmpty() ? named : new ImportJob.Refusal(named.row(), line.getAsLong(), named.reason(), named.message());
    }

    private static java.util.Iterator<ReadingInput> counted(java.util.Iterator<ReadingInput> rows, AtomicLong read) {
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public ReadingInput next() {
                if (!rows.hasNext()) {
                    throw new NoSuchElementException();
                }
                ReadingInput r = rows.next();
                read.incrementAndGet();
                return r;
            }
        };
    }
}
