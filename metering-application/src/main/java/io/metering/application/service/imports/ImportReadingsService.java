package io.metering.application.service.imports;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.ChangesetRepository;
import java.time.Clock;
import java.time.ZoneId;
import io.metering.application.service.write.HistoryPlausibilityProvider;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.write.ReadingPreparation;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.service.write.SpanChecks;
import io.metering.application.service.write.WriteListener;
import io.metering.application.model.ImportCommit;
import io.metering.application.model.ImportedReadings;
import io.metering.application.access.Caller;
import io.metering.application.port.in.imports.ImportProgress;
import io.metering.application.port.in.imports.ImportReadingsCommand;
import io.metering.application.port.in.imports.ImportReadingsUseCase;
import io.metering.application.port.in.imports.ImportReport;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.out.ReadingBulkStore;
import io.metering.application.port.out.SeriesSpan;
import io.metering.application.port.out.SpanNeighbours;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.plausibility.HistoryPlausibility;
import io.metering.domain.plausibility.RegisterHistory;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingBatchValidator;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesNeighbours;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Imports a stream of readings chunk by chunk, each chunk in the order of the write path of
 * createMeterReadings (v1 create: a stored key is {@code duplicate_reading}): prepare, lock the
 * counters, check, store, clear the changesets the writes confirm. Imports are direct admin writes,
 * so governed meters take them as they come (docs/domain.md#changesets).
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
 *
 * <p>An import committed per file overlaps its own work with the store's: each chunk is handed to
 * an {@link ReadingBulkStore#openAppender appender} that writes it while the next chunk is parsed
 * and judged. A chunk can be judged without the store when it only appends to series the import
 * already knows: for each series the import remembers what it found stored (nothing at or after
 * its first reading of the series, the latest plausible points before it) and what it wrote
 * itself, so the stored neighbours and the plausibility history of every reading after the
 * series' latest imported one are known in memory and equal what the store would answer. Any
 * other chunk (new meters, counters or series, or readings at or before a series' latest imported
 * one) first waits for the appender to finish and is judged against the store as above.
 */
public final class ImportReadingsService implements ImportReadingsUseCase {
    private final Transactions transactions;
    private final ReadingSeriesQueries series;
    private final ChangesetRepository changesets;
    private final Clock clock;
    private final ReadingBulkStore bulk;
    private final ReadingPreparation preparation;
    private final ReadingWriter writer;

    /**
     * @param transactions the transaction boundary of every chunk
     * @param meters meters, to resolve the imported rows
     * @param counters counters, to resolve and lock the imported rows
     * @param series the stored series the appender continues
     * @param changesets the pending changesets of the counters written
     * @param clock the injected clock
     * @param bulk the store's bulk path
     * @param writer the reading write path, with the plausibility rule and change listener the API's writes use
     */
    public ImportReadingsService(Transactions transactions, MeterRepository meters, CounterRepository counters,
            ReadingSeriesQueries series, ChangesetRepository changesets, Clock clock, ReadingBulkStore bulk,
                    ReadingWriter writer) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.series = Objects.requireNonNull(series, "series");
        this.changesets = Objects.requireNonNull(changesets, "changesets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bulk = Objects.requireNonNull(bulk, "bulk");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.preparation = new ReadingPreparation(meters, counters, writer.businessZone());
    }

    @Override
    public ImportReport importReadings(ImportReadingsCommand command, ImportProgress progress) {
        command.caller().requireAdmin("importing readings");
        Instant now = clock.instant();
        Run run = new Run(command, progress, now);
        if (command.commit() == ImportCommit.FILE) {
            return transactions.inTransaction(run::all);
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
        private long implausible;
        /** In one transaction (per file), meters are read once and counter locks last until the end. */
        private final ReadingPreparation.Loaded loaded = new ReadingPreparation.Loaded();
        private final Set<CounterId> locked = new HashSet<>();
        /** Per file: the appender the chunks go to, opened with the first chunk. */
        private ReadingBulkStore.Appender appender;
        /** Per file: the series the import appends to, judged in memory. */
        private final Map<SeriesKey, Appending> appending = new HashMap<>();
        /** Per file: series with readings stored at or after the import's first reading of them. */
        private final Set<SeriesKey> notAppending = new HashSet<>();
        /** Per file: the pending changesets of the locked counters (no one else can add any while locked). */
        private final Map<CounterId, List<Changeset>> pending = new HashMap<>();
        /** Per file: changesets written readings confirmed, deleted when the store is the import's again. */
        private final List<Changeset> confirmed = new ArrayList<>();
        /** Per file: the chunks handed to the appender since it last drained, told to the writer after the drain. */
        private final List<ImportedReadings> appendedChunks = new ArrayList<>();

        Run(ImportReadingsCommand command, ImportProgress progress, Instant now) {
            this.command = command;
            this.progress = progress;
            this.now = now;
            this.perChunk = command.commit() == ImportCommit.CHUNK;
        }

        ImportReport all() {
            try {
                return chunks();
            } finally {
                // after a failure: stop writing before the transaction rolls back on the same connection
                if (appender != null) {
                    appender.close();
                }
            }
        }

        private ImportReport chunks() {
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
                        transactions.inTransaction(() -> write(batch, first));
                    } else {
                        stream(batch, first);
                    }
                    position += chunk.size();
                    rows += chunk.size();
                    chunks++;
                    progress.written(rows, perChunk);
                    chunk = new ArrayList<>(command.chunkSize());
                }
                if (!more) {
                    if (appender != null) {
                        settle();
                    }
                    return new ImportReport(rows, chunks, slowChunks, implausible);
                }
            }
        }

        /** Judges a chunk of a per-file import, from memory where it can, and hands it to the appender. */
        private void stream(List<ReadingInput> inputs, int first) {
            Caller caller = command.caller();
            OrganizationId org = caller.org();
            if (appender == null) {
                appender = bulk.openAppender(org);
            }
            boolean known = loaded.knowsAll(inputs);
            if (!known) {
                settle(); // loading meters and counters needs the store
            }
            List<ReadingCandidate> candidates = preparation.prepare(caller, inputs, now, first, loaded).candidates();
            List<SeriesSpan> spans = SpanChecks.spans(candidates);
            List<Reading> accepted;
            if (known && appendsToKnownSeries(spans)) {
                accepted = checkInMemory(org, candidates);
            } else {
                settle();
                lockNew(org, spans);
                track(org, spans);
                accepted = checkAgainstStore(org, candidates, spans);
            }
            for (Reading r : accepted) {
                Appending a = appending.get(r.series());
                if (a != null) {
                    a.wrote(r);
                }
            }
            confirm(accepted);
            implausible += countImplausible(accepted);
            appender.add(accepted);
            // the COPY is open on the transaction's connection: the chunk's event waits for the drain
            if (!accepted.isEmpty()) {
                appendedChunks.add(ReadingWriter.chunk(accepted)); // the summary only: the readings are not kept
            }
        }

        /** Whether every series of the chunk is known and the chunk's readings of it all follow the imported ones. */
        private boolean appendsToKnownSeries(List<SeriesSpan> spans) {
            for (SeriesSpan span : spans) {
                Appending a = appending.get(span.series());
                if (a == null || !span.from().isAfter(a.latest) || !locked.contains(span.series().counterId())) {
                    return false;
                }
            }
            return true;
        }

        /** What {@link #checkAgainstStore} decides, from what the import knows of its series. */
        private List<Reading> checkInMemory(OrganizationId org, List<ReadingCandidate> candidates) {
            SeriesNeighbours neighbours = new SeriesNeighbours() {
                @Override
                public Optional<SeriesPoint> previous(SeriesKey series, Instant t) {
                    return appending.get(series).plausibleBefore(t);
                }

                @Override
                public Optional<SeriesPoint> next(SeriesKey series, Instant t) {
                    return Optional.empty(); // nothing is stored after an appended reading
                }
            };
            PlausibilityProvider.History history = new PlausibilityProvider.History() {
                @Override
                public List<SeriesPoint> recentPlausible(SeriesKey series, Instant t, int limit) {
                    Appending a = appending.get(series);
                    if (a == null || !t.isAfter(a.latest) || limit > Appending.KEPT) {
                        throw new IllegalStateException("the history of " + series + " at " + t + " is not known to the import");
                    }
                    return a.newestFirst(limit);
                }

                @Override
                public Optional<HistoryPlausibility.OtherRegisters> otherRegisters() {
                    return Optional.of(Run.this::followedOtherRegisters);
                }
            };
            ReadingBatchValidator.Judgement judged = writer.judgeAppending(org, candidates, neighbours, history, command.validate(), now);
            if (!judged.demoted().isEmpty()) {
                // a reading showed an imported one to be a unit slip: demote it once the store has it
                settle();
                writer.demote(command.caller(), judged.demoted());
                forget(judged.demoted());
                implausible += judged.demoted().size();
            }
            return judged.readings();
        }

        /**
         * The meter's other registers as far as the import follows them (the store is the
         * appender's while a file streams): a register it does not import gives no pace here.
         */
        private List<RegisterHistory> followedOtherRegisters(SeriesKey key, Instant t) {
            return loaded.counter(key.counterId())
                    .map(counter -> HistoryPlausibilityProvider.otherRegisters(key, counter, loaded.countersOf(counter.meterId()),
                            (other, c) -> new RegisterHistory(other, Optional.ofNullable(appending.get(other))
                                    .map(a -> a.newestFirstAtOrBefore(t, Appending.KEPT)).orElse(List.of()), c.capacity())))
                    .orElse(List.of());
        }

        /** Takes demoted readings out of the followed history. */
        private void forget(List<ReadingKey> demoted) {
            for (ReadingKey k : demoted) {
                Appending a = appending.get(k.series());
                if (a != null) {
                    a.forget(k.timestamp());
                }
            }
        }

        /** Judges a chunk against the store, which holds everything the import wrote before. */
        private List<Reading> checkAgainstStore(OrganizationId org, List<ReadingCandidate> candidates, List<SeriesSpan> spans) {
            Map<SeriesKey, SpanNeighbours> around = bulk.around(org, spans);
            if (around.values().stream().anyMatch(SpanNeighbours::occupied)) {
                slowChunks++;
            }
            return judgeAgainstStore(org, candidates);
        }

        /** The writer's judgement, which also demotes the stored slips a reading shows; forgets them in memory too. */
        private List<Reading> judgeAgainstStore(OrganizationId org, List<ReadingCandidate> candidates) {
            List<ReadingKey> demoted = new ArrayList<>();
            List<Reading> accepted = writer.judgeAndDemote(command.caller(), candidates, List.of(), ReadingWriter.OnExisting.REJECT,
                    command.validate(), demoted::addAll);
            forget(demoted);
            implausible += demoted.size();
            return accepted;
        }

        /** Waits for the appender, then deletes the confirmed changesets: the store is the import's again. */
        private void settle() {
            appender.drain();
            appendedChunks.forEach(chunk -> writer.appended(command.caller(), chunk));
            appendedChunks.clear();
            writer.clear(command.caller(), confirmed);
            confirmed.clear();
        }

        /** Locks the counters not locked yet, until the end, and reads their pending changesets. */
        private void lockNew(OrganizationId org, List<SeriesSpan> spans) {
            List<CounterId> toLock = spans.stream().map(s -> s.series().counterId()).filter(id -> !locked.contains(id)).distinct().toList();
            if (toLock.isEmpty()) {
                return;
            }
            writer.lock(org, toLock);
            locked.addAll(toLock);
            changesets.findByCounters(org, toLock).forEach(cs -> pending.computeIfAbsent(cs.counterId(),
                    k -> new ArrayList<>()).add(cs));
        }

        /**
         * Starts to follow the chunk's new series that the import appends to: nothing stored at or after
         * the chunk's first reading of the series (one query for all), and then the recent plausible
         * history is what is stored before it (read only where something is).
         */
        private void track(OrganizationId org, List<SeriesSpan> spans) {
            // bounded memory: beyond MAX_FOLLOWED series, chunks of the others are judged against the store
            List<SeriesSpan> onwards = spans.stream()
                    .filter(s -> !appending.containsKey(s.series()) && !notAppending.contains(s.series()))
                    .limit(Math.max(0, MAX_FOLLOWED - appending.size()))
                    .map(s -> new SeriesSpan(s.series(), s.from(), Instant.MAX))
                    .toList();
            if (onwards.isEmpty()) {
                return;
            }
            Map<SeriesKey, SpanNeighbours> around = bulk.around(org, onwards);
            for (SeriesSpan span : onwards) {
                SpanNeighbours n = around.getOrDefault(span.series(), SpanNeighbours.EMPTY);
                if (n.occupied()) {
                    notAppending.add(span.series());
                    continue;
                }
                Appending a = new Appending(span.from().minusNanos(1));
                if (n.before().isPresent()) {
                    List<SeriesPoint> newestFirst = series.recentPlausible(org, span.series(), span.from(), Appending.KEPT);
                    for (int i = newestFirst.size() - 1; i >= 0; i--) {
                        a.remember(newestFirst.get(i));
                    }
                }
                appending.put(span.series(), a);
            }
        }

        /**
         * Notes the pending changesets the readings confirm, by {@link ReadingWriter#confirmed}'s rule;
         * they are cleared through the writer once the store holds the readings.
         */
        private void confirm(List<Reading> written) {
            for (List<Changeset> open : pending.values()) {
                List<Changeset> hit = ReadingWriter.confirmed(open, written);
                confirmed.addAll(hit);
                open.removeAll(hit);
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
            if (around.values().stream().anyMatch(SpanNeighbours::occupied)) {
                slowChunks++;
            }
            List<Reading> accepted = writer.judgeAndDemote(caller, candidates, List.of(), ReadingWriter.OnExisting.REJECT, command.validate(),
                    demoted -> implausible += demoted.size());
            bulk.append(org, accepted);
            writer.appended(caller, accepted);
            writer.autoClear(caller, accepted);
            implausible += countImplausible(accepted);
            return null;
        }

        private static long countImplausible(List<Reading> accepted) {
            return accepted.stream().filter(Reading::isImplausible).count();
        }
    }

    /**
     * Series followed in memory at most: up to 200 points of history each (about 20 KB), so at most
     * about 60 MB. Chunks with readings of further series are judged against the store, as before.
     */
    static final int MAX_FOLLOWED = 3_000;

    /**
     * A series the import appends to: nothing stored after {@code latest}, and the latest plausible
     * stored points (stored before the import or written by it).
     */
    private static final class Appending {
        /** The plausibility history reads at most this many points. */
        static final int KEPT = RateWindow.MAX_POINTS;

        /** Nothing is stored after this instant. */
        Instant latest;
        /** Ascending; appended at the end in the usual case of a file in time order. */
        private final ArrayDeque<SeriesPoint> recent = new ArrayDeque<>();

        Appending(Instant latest) {
            this.latest = latest;
        }

        void remember(SeriesPoint p) {
            SeriesPoint last = recent.peekLast();
            if (last == null || p.timestamp().isAfter(last.timestamp())) {
                recent.addLast(p);
            } else {
                // rare: a chunk judged against the store went back in time; insert in order
                List<SeriesPoint> all = new ArrayList<>(recent);
                int i = 0;
                while (i < all.size() && all.get(i).timestamp().isBefore(p.timestamp())) {
                    i++;
                }
                all.add(i, p);
                recent.clear();
                recent.addAll(all);
            }
            if (recent.size() > KEPT) {
                recent.pollFirst();
            }
        }

        void wrote(Reading r) {
            if (r.timestamp().isAfter(latest)) {
                latest = r.timestamp();
            }
            if (!r.isImplausible()) {
                remember(r.point());
            }
        }

        Optional<SeriesPoint> latestPlausible() {
            return Optional.ofNullable(recent.peekLast());
        }

        /** The latest plausible point strictly before {@code t}. */
        Optional<SeriesPoint> plausibleBefore(Instant t) {
            for (Iterator<SeriesPoint> it = recent.descendingIterator(); it.hasNext();) {
                SeriesPoint p = it.next();
                if (p.timestamp().isBefore(t)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }

        /** Forgets the point at {@code t}, demoted as a slip. */
        void forget(Instant t) {
            recent.removeIf(p -> p.timestamp().equals(t));
        }

        /** Up to {@code limit} points at or before {@code t}, newest first. */
        List<SeriesPoint> newestFirstAtOrBefore(Instant t, int limit) {
            List<SeriesPoint> out = new ArrayList<>(Math.min(limit, recent.size()));
            for (Iterator<SeriesPoint> it = recent.descendingIterator(); it.hasNext() && out.size() < limit;) {
                SeriesPoint p = it.next();
                if (!p.timestamp().isAfter(t)) {
                    out.add(p);
                }
            }
            return out;
        }

        List<SeriesPoint> newestFirst(int limit) {
            List<SeriesPoint> out = new ArrayList<>(Math.min(limit, recent.size()));
            for (Iterator<SeriesPoint> it = recent.descendingIterator(); it.hasNext() && out.size() < limit;) {
                out.add(it.next());
            }
            return out;
        }
    }
}
