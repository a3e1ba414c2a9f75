package io.metering.application.service;

import io.metering.application.access.Caller;
import io.metering.application.port.in.ImportProgress;
import io.metering.application.port.in.ImportReadingsCommand;
import io.metering.application.port.in.ImportReadingsUseCase;
import io.metering.application.port.in.ImportReport;
import io.metering.application.port.in.ReadingInput;
import io.metering.application.port.out.ReadingBulkStore;
import io.metering.application.port.out.SpanNeighbours;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.reading.PlausibilityPolicy;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingBatchValidator;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;

/**
 * Imports a stream of readings chunk by chunk, each chunk in the order of the write path of
 * createMeterReadings (v1 create: a stored key is {@code duplicate_reading}): prepare, lock the
 * counters, check, store, clear the changesets the writes confirm. Imports are direct admin writes,
 * so governed meters take them as they come (DOMAIN.md "Changesets").
 *
 * <p>An import committed per file is one transaction: each meter and counter is read once, when
 * first named, and each counter is locked once and stays locked to the end.
 *
 * <p>What differs is how a chunk meets the stored series. Per series, one query tells what is
 * stored just before and after the chunk's span of that series and whether anything is stored
 * inside it. Usually nothing is (imports fill empty or append to older history): then every stored
 * neighbour of a reading is one of those two, duplicates are impossible, and the batch validator
 * runs on them unchanged. A chunk that does overlap stored readings goes through the request path
 * (a key lookup and a neighbour probe per reading) instead. Either way the rules and their results
 * are those of the API; only the number of probes differs. The chunk is then appended by the
 * store's fastest method (COPY).
 */
public final class ImportReadingsService implements ImportReadingsUseCase {
    private final ServiceContext ctx;
    private final ReadingBulkStore bulk;
    private final PlausibilityProvider plausibility;
    private final ReadingPreparation preparation;
    private final ReadingWriter writer;

    /**
     * @param ctx ports, clock and zone
     * @param bulk the store's bulk path
     * @param plausibility the plausibility rule, the same the API's writes use
     */
    public ImportReadingsService(ServiceContext ctx, ReadingBulkStore bulk, PlausibilityProvider plausibility) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.bulk = Objects.requireNonNull(bulk, "bulk");
        this.plausibility = Objects.requireNonNull(plausibility, "plausibility");
        this.preparation = new ReadingPreparation(ctx);
        this.writer = new ReadingWriter(ctx, plausibility);
    }

    @Override
    public ImportReport importReadings(ImportReadingsCommand command, ImportProgress progress) {
        command.caller().requireAdmin("importing readings");
        Instant now = ctx.clock().instant();
        Run run = new Run(command, progress, now);
        if (command.commit() == ImportReadingsCommand.Commit.FILE) {
            return ctx.transactions().inTransaction(run::all);
        }
        return run.all();
    }

    /** One import's state. */
    private final class Run {
        private final ImportReadingsCommand command;
        private final ImportProgress progress;
        private final Instant now;
        private final boolean perChunk;
        private long rows;
        private long chunks;
        private long slowChunks;
        /** In one transaction (per file), meters are read once and counter locks last until the end. */
        private final ReadingPreparation.Loaded loaded = new ReadingPreparation.Loaded();
        private final Set<CounterId> locked = new HashSet<>();

        Run(ImportReadingsCommand command, ImportProgress progress, Instant now) {
            this.command = command;
            this.progress = progress;
            this.now = now;
            this.perChunk = command.commit() == ImportReadingsCommand.Commit.CHUNK;
        }

        ImportReport all() {
            Iterator<ReadingInput> in = command.readings();
            List<ReadingInput> chunk = new ArrayList<>(command.chunkSize());
            long position = 0;
            while (true) {
                boolean more;
                try {
                    more = in.hasNext();
                    if (more) {
                        chunk.add(in.next());
                    }
                } catch (InvalidRequestException e) {
                    throw e.at("readings[" + (position + chunk.size()) + "]");
                }
                if (chunk.size() == command.chunkSize() || (!more && !chunk.isEmpty())) {
                    int first = Math.toIntExact(position);
                    List<ReadingInput> batch = chunk;
                    if (perChunk) {
                        ctx.transactions().inTransaction(() -> write(batch, first));
                    } else {
                        write(batch, first);
                    }
                    position += chunk.size();
                    rows += chunk.size();
                    chunks++;
                    progress.written(rows, perChunk);
                    chunk = new ArrayList<>(command.chunkSize());
                }
                if (!more) {
                    return new ImportReport(rows, chunks, slowChunks);
                }
            }
        }

        private Void write(List<ReadingInput> inputs, int first) {
            Caller caller = command.caller();
            OrganizationId org = caller.org();
            List<ReadingCandidate> candidates = perChunk ? preparation.prepare(caller, inputs, now, first).candidates()
                    : preparation.prepare(caller, inputs, now, first, loaded).candidates();
            List<CounterId> toLock = candidates.stream().map(c -> c.counter().id()).filter(id -> perChunk || !locked.contains(id))
                    .distinct().toList();
            writer.lock(org, toLock);
            if (!perChunk) {
                locked.addAll(toLock);
            }
            Map<SeriesKey, SpanNeighbours> around = bulk.around(org, SpanChecks.spans(candidates));
            List<Reading> accepted;
            if (around.values().stream().anyMatch(SpanNeighbours::occupied)) {
                slowChunks++;
                accepted = writer.check(org, candidates, List.of(), ReadingWriter.OnExisting.REJECT, command.validate());
            } else {
                PlausibilityPolicy policy = command.validate() ? plausibility.forWrite(org) : PlausibilityPolicy.NONE;
                accepted = new ReadingBatchValidator(SpanChecks.atBoundaries(around), policy).validate(candidates, now, command.validate());
            }
            bulk.append(org, accepted);
            writer.autoClear(org, accepted);
            return null;
        }
    }
}
