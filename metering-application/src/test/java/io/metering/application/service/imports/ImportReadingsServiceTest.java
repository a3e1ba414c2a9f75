package io.metering.application.service.imports;

import io.metering.application.service.TestServices;
import io.metering.application.service.ServiceWorld;
import io.metering.application.service.reading.RecordReadingsService;
import io.metering.application.service.write.HistoryPlausibilityProvider;
import io.metering.application.service.write.PlausibilityProvider;
import static io.metering.application.service.ServiceWorld.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.metering.application.access.Caller;
import io.metering.application.fakes.InMemoryBulkStore;
import io.metering.application.port.in.imports.ImportProgress;
import io.metering.application.port.in.imports.ImportReadingsCommand;
import io.metering.application.model.ImportCommit;
import io.metering.application.port.in.imports.ImportReport;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.MeteringException;
import io.metering.domain.error.ReasonCode;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.governance.EditMode;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bulk import: the API's write rules, chunk by chunk, and what is all or nothing. */
class ImportReadingsServiceTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final ServiceWorld world = new ServiceWorld();
    private final ImportReadingsService importer = TestServices.importReadingsService(world.ctx,
            new InMemoryBulkStore(world.store),
            PlausibilityProvider.NONE);
    private final Meter meter = world.powerMeterOf("contact-anna");
    private final Counter a = world.consumptionCounter(meter);
    private final Counter b = world.consumptionCounter(meter);

    private static String hour(int h) {
        return T0.plus(Duration.ofHours(h)).toString();
    }

    private ReadingInput in(Counter c, int h, long value) {
        return reading(meter, c, hour(h), String.valueOf(value)).build();
    }

    private ImportReport run(List<ReadingInput> inputs, int chunkSize, ImportCommit commit) {
        return importer.importReadings(new ImportReadingsCommand(world.admin, inputs.iterator(), chunkSize, commit, true),
                ImportProgress.NONE);
    }

    private List<String> values(Counter c) {
        return world.stored(c).stream().map(r -> r.value().toPlainString()).toList();
    }

    @Test
    void storesEveryChunkAndReportsProgress() {
        List<ReadingInput> inputs = new ArrayList<>();
        for (int h = 0; h < 10; h++) {
            inputs.add(in(a, h, h * 10L));
            inputs.add(in(b, h, h));
        }
        List<Long> progress = new ArrayList<>();

        ImportReport report = importer.importReadings(new ImportReadingsCommand(world.admin, inputs.iterator(), 6, ImportCommit.FILE, true),
                (rows, committed) -> progress.add(rows));

        assertThat(report).isEqualTo(new ImportReport(20, 4, 0));
        assertThat(progress).containsExactly(6L, 12L, 18L, 20L);
        assertThat(values(a)).hasSize(10).startsWith("0", "10").endsWith("90");
        assertThat(values(b)).hasSize(10);
    }

    @Test
    void checksEachChunkAgainstWhatEarlierChunksStored() {
        List<ReadingInput> inputs = List.of(in(a, 0, 100), in(a, 1, 110), in(a, 2, 105));

        assertThatThrownBy(() -> run(inputs, 2, ImportCommit.FILE)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.reason()).isEqualTo(RejectionReason.LESS_THAN_PREVIOUS);
            assertThat(e.getMessage()).startsWith("readings[2]: ").contains("110");
        });
        assertThat(values(a)).as("all or nothing per file").isEmpty();
    }

    @Test
    void perChunkCommitsKeepTheChunksBeforeARejectedOne() {
        List<ReadingInput> inputs = List.of(in(a, 0, 100), in(a, 1, 110), in(a, 2, 105), in(a, 3, 120));

        assertThatThrownBy(() -> run(inputs, 2, ImportCommit.CHUNK)).isInstanceOf(InvalidRequestException.class);

        assertThat(values(a)).containsExactly("100", "110");
    }

    @Test
    void meetsStoredReadingsAtTheSpanBoundaries() {
        world.record(reading(meter, a, hour(0), "100"), reading(meter, a, hour(100), "200"));

        assertThat(run(List.of(in(a, 10, 150), in(a, 20, 160)), 10, ImportCommit.FILE).chunksCheckedReadingByReading()).isZero();
        assertThatThrownBy(() -> run(List.of(in(a, 30, 170), in(a, 40, 250)), 10, ImportCommit.FILE))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.GREATER_THAN_SUBSEQUENT));
        assertThatThrownBy(() -> run(List.of(in(a, 30, 90)), 10, ImportCommit.FILE)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.LESS_THAN_PREVIOUS));
        assertThat(values(a)).containsExactly("100", "150", "160", "200");
    }

    @Test
    void aChunkOverlappingStoredReadingsIsCheckedReadingByReading() {
        world.record(reading(meter, a, hour(5), "50"));

        ImportReport ok = run(List.of(in(a, 1, 10), in(a, 9, 90)), 10, ImportCommit.FILE);
        assertThat(ok.chunksCheckedReadingByReading()).isEqualTo(1);
        assertThatThrownBy(() -> run(List.of(in(a, 2, 20), in(a, 5, 50)), 10, ImportCommit.FILE))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.DUPLICATE_READING));
        assertThatThrownBy(() -> run(List.of(in(a, 2, 20), in(a, 6, 40)), 10, ImportCommit.FILE))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.LESS_THAN_PREVIOUS));
        assertThat(values(a)).containsExactly("10", "50", "90");
    }

    @Test
    void skippingValidationStillRefusesDuplicates() {
        world.record(reading(meter, a, hour(5), "50"));

        ImportReport report = importer.importReadings(new ImportReadingsCommand(world.admin, List.of(in(a, 6, 1)).iterator(), 10,
                ImportCommit.FILE, false), ImportProgress.NONE);
        assertThat(report.rows()).isEqualTo(1);
        assertThatThrownBy(() -> importer.importReadings(new ImportReadingsCommand(world.admin, List.of(in(a, 5, 1)).iterator(), 10,
                ImportCommit.FILE, false), ImportProgress.NONE)).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.DUPLICATE_READING));
    }

    @Test
    void aMalformedRecordStopsTheImportNamingItsPosition() {
        List<ReadingInput> good = List.of(in(a, 0, 1));
        var failing = new java.util.Iterator<ReadingInput>() {
            int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ReadingInput next() {
                if (n++ == 0) {
                    return good.get(0);
                }
                throw new InvalidRequestException(RejectionReason.INVALID_VALUE, "line 3: value 'x' is not a decimal number");
            }
        };

        assertThatThrownBy(() -> importer.importReadings(new ImportReadingsCommand(world.admin, failing, 10, ImportCommit.FILE, true),
                ImportProgress.NONE)).hasMessage("readings[1]: line 3: value 'x' is not a decimal number");
        assertThat(values(a)).isEmpty();
    }

    @Test
    void onlyAdminsImport() {
        assertThatThrownBy(() -> importer.importReadings(new ImportReadingsCommand(ServiceWorld.portal("contact-anna"),
                List.of(in(a, 0, 1)).iterator(), 10, ImportCommit.FILE, true), ImportProgress.NONE)).isInstanceOf(ForbiddenException.class);
    }

    /**
     * The import decides every batch as createMeterReadings does, whatever the stored history: the
     * same readings stored or the same rejection. Split into chunks, it still accepts exactly what
     * the single request accepts (both check every adjacent pair of the resulting series), though a
     * rejection may then name the other reading of a broken pair, and so the other reason.
     */
    @Test
    void decidesLikeTheRequestPath() {
        qt().withExamples(300).forAll(
                lists().of(integers().between(0, 40)).ofSizeBetween(0, 6),
                lists().of(integers().between(0, 40)).ofSizeBetween(1, 8),
                integers().between(1, 4))
                .checkAssert((storedHours, batchHours, chunkSize) -> {
                    Outcome viaApi = outcome(storedHours, batchHours, w -> w.recording.record(new RecordReadingsCommand(w.admin,
                            batch(w, batchHours), WriteOptions.DEFAULT)));
                    Outcome viaImport = outcome(storedHours, batchHours, w -> TestServices.importReadingsService(w.ctx,
                            new InMemoryBulkStore(w.store), PlausibilityProvider.NONE).importReadings(new ImportReadingsCommand(
                                    w.admin, batch(w, batchHours).iterator(), chunkSize, ImportCommit.FILE, true), ImportProgress.NONE));
                    if (chunkSize >= batchHours.size()) {
                        assertThat(viaImport).isEqualTo(viaApi);
                    } else {
                        assertThat(viaImport.stored()).isEqualTo(viaApi.stored());
                        assertThat(viaImport.rejected().isPresent()).isEqualTo(viaApi.rejected().isPresent());
                    }
                });
    }

    @Test
    void laterChunksOfSeriesItAppendsToAreJudgedWithoutTheStore() {
        CountingBulkStore counting = new CountingBulkStore(new InMemoryBulkStore(world.store));
        ImportReadingsService counted = TestServices.importReadingsService(world.ctx, counting, PlausibilityProvider.NONE);
        List<ReadingInput> inputs = new ArrayList<>();
        for (int h = 0; h < 10; h++) {
            inputs.add(in(a, h, h * 10L)); // the counters interleave, each in time order
            inputs.add(in(b, h, h));
        }

        ImportReport report = counted.importReadings(new ImportReadingsCommand(world.admin, inputs.iterator(), 4, ImportCommit.FILE, true),
                ImportProgress.NONE);

        assertThat(report.rows()).isEqualTo(20);
        assertThat(counting.aroundCalls).as("the first chunk only: what follows each series, then the chunk's spans").isEqualTo(2);
        assertThat(values(a)).hasSize(10).endsWith("90");
        assertThat(values(b)).hasSize(10);
    }

    @Test
    void clearsTheChangesetsItsReadingsConfirmAlsoInChunksJudgedInMemory() {
        Meter governed = world.createMeter(MeterChanges.builder().sector(ServiceWorld.set(Sector.POWER))
                .customers(ServiceWorld.relation("contact", "contact-anna")).governance(ServiceWorld.governed(EditMode.APPROVAL)));
        Counter c = world.consumptionCounter(governed);
        Caller anna = ServiceWorld.portal("contact-anna");
        world.record(anna, WriteOptions.DEFAULT, reading(governed, c, hour(30), "300").source(ReadingSource.ECP));
        world.record(anna, WriteOptions.DEFAULT, reading(governed, c, hour(40), "999").source(ReadingSource.ECP));
        List<ReadingInput> inputs = new ArrayList<>();
        for (int h = 0; h <= 40; h++) {
            inputs.add(reading(governed, c, hour(h), String.valueOf(h * 10)).build());
        }

        run(inputs, 5, ImportCommit.FILE);

        assertThat(world.store.findByCounter(ServiceWorld.ORG, governed.id(), c.id()))
                .as("hour 30 (chunk 7) confirms its changeset; 400 at hour 40 does not confirm 999")
                .extracting(cs -> cs.proposed().value().toPlainString()).containsExactly("999");
        assertThat(world.stored(c)).hasSize(41);
    }

    @Test
    void aFileNotInTimeOrderIsCheckedAgainstWhatItStoredBefore() {
        // chunk 2 goes back in time: between and onto readings of chunk 1
        List<ReadingInput> inOrderAfterAll = List.of(in(a, 10, 100), in(a, 20, 200), in(a, 15, 150), in(a, 30, 300));
        assertThat(run(inOrderAfterAll, 2, ImportCommit.FILE).rows()).isEqualTo(4);
        assertThat(values(a)).containsExactly("100", "150", "200", "300");

        List<ReadingInput> breaksOrder = List.of(in(a, 40, 400), in(a, 50, 500), in(a, 45, 600));
        assertThatThrownBy(() -> run(breaksOrder, 2, ImportCommit.FILE)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.reason()).isEqualTo(RejectionReason.GREATER_THAN_SUBSEQUENT);
            assertThat(e.getMessage()).startsWith("readings[2]: ");
        });
        List<ReadingInput> repeats = List.of(in(a, 40, 400), in(a, 50, 500), in(a, 40, 400));
        assertThatThrownBy(() -> run(repeats, 2, ImportCommit.FILE)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.DUPLICATE_READING));
        assertThat(values(a)).as("nothing of the refused files").containsExactly("100", "150", "200", "300");
    }

    @Test
    void aRejectionInALateChunkLeavesNothingStored() {
        List<ReadingInput> inputs = new ArrayList<>();
        for (int h = 0; h < 50; h++) {
            inputs.add(in(a, h, h * 10L));
            inputs.add(in(b, h, h == 47 ? 1 : h * 10L)); // b drops at hour 47: readings[95]
        }

        assertThatThrownBy(() -> run(inputs, 8, ImportCommit.FILE)).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.reason()).isEqualTo(RejectionReason.LESS_THAN_PREVIOUS);
            assertThat(e.getMessage()).startsWith("readings[95]: ");
        });
        assertThat(values(a)).isEmpty();
        assertThat(values(b)).isEmpty();
    }

    @Test
    void appendingToStoredHistoryJudgesLaterChunksByItAndByWhatTheImportWrote() {
        world.record(reading(meter, a, hour(0), "100"), reading(meter, a, hour(1), "110"));
        ImportReadingsService plausible = TestServices.importReadingsService(world.ctx, new InMemoryBulkStore(world.store),
                new HistoryPlausibilityProvider(world.store, world.store));
        List<ReadingInput> inputs = new ArrayList<>();
        for (int h = 2; h < 60; h++) {
            inputs.add(in(a, h, 100 + h * 10L));
        }
        inputs.add(in(a, 60, 1_000_000)); // far above what ten hours a reading predict: stored implausible
        inputs.add(in(a, 61, 710));

        plausible.importReadings(new ImportReadingsCommand(world.admin, inputs.iterator(), 7, ImportCommit.FILE, true), ImportProgress.NONE);

        List<Reading> stored = world.stored(a);
        assertThat(stored).hasSize(62);
        assertThat(stored.get(60).isImplausible()).isTrue();
        assertThat(stored.get(61).isImplausible()).as("judged against the plausible reading before").isFalse();
        assertThatThrownBy(() -> plausible.importReadings(new ImportReadingsCommand(world.admin, List.of(in(a, 70, 700)).iterator(), 7,
                ImportCommit.FILE, true), ImportProgress.NONE)).isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.LESS_THAN_PREVIOUS));
    }

    /**
     * With the plausibility rule on history, the import decides as the same chunks sent one request
     * after the other would (later chunks judged from memory where they append, against the store
     * where they go back in time), statuses included; all or nothing, where the requests would
     * keep the chunks before a rejected one.
     */
    @Test
    void marksImplausibleReadingsLikeRequestsOfTheSameChunks() {
        qt().withExamples(200).forAll(
                lists().of(integers().between(0, 60)).ofSizeBetween(0, 6),
                lists().of(integers().between(0, 80)).ofSizeBetween(1, 14),
                integers().between(1, 5))
                .checkAssert((storedHours, batchHours, chunkSize) -> {
                    Outcome viaApi = outcome(storedHours, batchHours, w -> w.ctx.transactions().inTransaction(() -> {
                        RecordReadingsService api = TestServices.recordReadingsService(w.ctx,
                                new HistoryPlausibilityProvider(w.store, w.store));
                        List<ReadingInput> all = jumpy(w, batchHours);
                        for (int from = 0; from < all.size(); from += chunkSize) {
                            api.record(new RecordReadingsCommand(w.admin, all.subList(from, Math.min(all.size(), from + chunkSize)),
                                    WriteOptions.DEFAULT));
                        }
                        return null;
                    }));
                    Outcome viaImport = outcome(storedHours, batchHours, w -> TestServices.importReadingsService(w.ctx,
                            new InMemoryBulkStore(w.store), new HistoryPlausibilityProvider(w.store, w.store)).importReadings(
                                    new ImportReadingsCommand(w.admin, jumpy(w, batchHours).iterator(), chunkSize, ImportCommit.FILE, true),
                                    ImportProgress.NONE));
                    assertThat(viaImport).isEqualTo(viaApi);
                });
    }

    /** Batch readings in order of value (10 x hour + 5), every fifth one a thousand times too high. */
    private static List<ReadingInput> jumpy(ServiceWorld w, List<Integer> hours) {
        Meter m = w.store.search(ServiceWorld.ORG, io.metering.application.port.out.MeterSearch.all(),
                new io.metering.application.model.PageRequest(0, 1)).items().get(0);
        Counter c = w.store.findByMeter(ServiceWorld.ORG, m.id()).get(0);
        List<ReadingInput> out = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            long value = hours.get(i) * 10L + 5;
            out.add(reading(m, c, T0.plus(Duration.ofHours(hours.get(i))).toString(), String.valueOf(i % 5 == 4 ? value * 1000 : value))
                    .build());
        }
        return out;
    }

    /** Counts the store's span queries. */
    private static final class CountingBulkStore implements io.metering.application.port.out.ReadingBulkStore {
        private final InMemoryBulkStore store;
        int aroundCalls;

        CountingBulkStore(InMemoryBulkStore store) {
            this.store = store;
        }

        @Override
        public java.util.Map<io.metering.domain.reading.SeriesKey, io.metering.application.port.out.SpanNeighbours> around(
                io.metering.domain.tenant.OrganizationId org, java.util.Collection<io.metering.application.port.out.SeriesSpan> spans) {
            aroundCalls++;
            return store.around(org, spans);
        }

        @Override
        public void append(io.metering.domain.tenant.OrganizationId org, List<Reading> readings) {
            store.append(org, readings);
        }
    }

    /** Stored readings or the rejection reason. */
    private record Outcome(List<String> stored, Optional<ReasonCode> rejected) {}

    private static Outcome outcome(List<Integer> storedHours, List<Integer> batchHours, java.util.function.Consumer<ServiceWorld> write) {
        ServiceWorld w = new ServiceWorld();
        Meter m = w.powerMeterOf("c");
        Counter c = w.consumptionCounter(m);
        // a stored history in order: value = 10 x hour, so a batch value h x 10 + 5 sits between neighbours
        storedHours.stream().distinct().sorted().forEach(h -> w.store.upsert(ServiceWorld.ORG, List.of(new Reading(m.id(), c.id(),
                Direction.FEED_OUT, T0.plus(Duration.ofHours(h)), java.math.BigDecimal.valueOf(h * 10L),
                io.metering.domain.reading.ReadingSource.ERP, null, null, null, null, null, null, null, java.util.Map.of()))));
        Optional<ReasonCode> rejected = Optional.empty();
        try {
            write.accept(w);
        } catch (MeteringException e) {
            rejected = Optional.of(e.reason());
        }
        return new Outcome(w.stored(c).stream().map(r -> r.timestamp() + "=" + r.value().toPlainString()
                + (r.isImplausible() ? " implausible" : "")).toList(), rejected);
    }

    /** Batch readings: value 10 x hour + 5, every third one 7 below its slot to break the order now and then. */
    private static List<ReadingInput> batch(ServiceWorld w, List<Integer> hours) {
        Meter m = w.store.search(ServiceWorld.ORG, io.metering.application.port.out.MeterSearch.all(),
                new io.metering.application.model.PageRequest(0, 1)).items().get(0);
        Counter c = w.store.findByMeter(ServiceWorld.ORG, m.id()).get(0);
        List<ReadingInput> out = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            long value = hours.get(i) * 10L + 5 - (i % 3 == 2 ? 7 : 0);
            out.add(reading(m, c, T0.plus(Duration.ofHours(hours.get(i))).toString(), String.valueOf(Math.max(0, value))).build());
        }
        return out;
    }
}
