package io.metering.application.service;

import io.metering.application.service.batch.BatchWriteReadingsService;
import io.metering.application.service.imports.ImportReadingsService;
import io.metering.application.service.reading.AllowedReadingService;
import io.metering.application.service.reading.DeleteReadingService;
import io.metering.application.service.reading.UpdateReadingService;
import io.metering.application.service.write.HistoryPlausibilityProvider;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.model.ImportCommit;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.fakes.InMemoryBulkStore;
import io.metering.application.port.in.reading.AllowedRange;
import io.metering.application.port.in.batch.BatchItem;
import io.metering.application.port.in.batch.BatchOperation;
import io.metering.application.port.in.batch.BatchWriteCommand;
import io.metering.application.port.in.reading.DeleteReadingCommand;
import io.metering.application.port.in.imports.ImportProgress;
import io.metering.application.port.in.imports.ImportReadingsCommand;
import io.metering.application.port.in.imports.ImportReport;
import io.metering.application.port.in.reading.ReadingAddress;
import io.metering.application.port.in.reading.ReadingChanges;
import io.metering.application.port.in.reading.UpdateReadingCommand;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.reading.EchoMatching;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The failures outside trials found (issue 17), through the write services:
 * docs/domain.md#decisions-after-the-first-outside-trials.
 */
class FieldTrialWritesTest {
    private final ServiceWorld world = new ServiceWorld();

    /** Decommissions a meter at the given date or instant. */
    private static MeterChanges.Builder closing(String at) {
        return MeterChanges.builder().status(set(MeterStatus.DECOMMISSIONED)).decommissionedAt(set(at));
    }
    private final Meter meter = world.powerMeterOf("contact-anna");
    private final Counter counter = world.consumptionCounter(meter);

    FieldTrialWritesTest() {
        world.recording = TestServices.recordReadingsService(world.ctx, new HistoryPlausibilityProvider(world.store,
                world.store));
    }

    private static void assertRejected(ThrowingCallable call, RejectionReason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private List<String> stored() {
        return world.stored(counter).stream().map(r -> r.timestamp() + "=" + r.value().toPlainString() + " " + r.source().code()
                + (r.isImplausible() ? " implausible" : "")).toList();
    }

    // ---- 1. a fresh counter and a unit slip

    @Test
    void aSlipOnACounterWithOneReadingIsImplausibleAndTheGenuineNextReadingIsTaken() {
        world.record(reading(meter, counter, "2024-06-01T08:00:00Z", "1250.5"));
        world.record(reading(meter, counter, "2024-06-01T18:00:00Z", "1251300"));
        world.record(reading(meter, counter, "2024-06-02T08:00:00Z", "1262.1"));

        assertThat(world.stored(counter)).extracting(Reading::status).containsExactly(null, ReadingStatus.IMPLAUSIBLE, null);
    }

    @Test
    void aSlipAsTheFirstReadingIsDemotedByTheGenuineNextOneInsteadOfLockingItOut() {
        world.record(reading(meter, counter, "2024-06-01T08:00:00Z", "1250500"));
        world.record(reading(meter, counter, "2024-06-02T08:00:00Z", "1262.1"));

        assertThat(world.stored(counter)).extracting(Reading::status).containsExactly(ReadingStatus.IMPLAUSIBLE, null);
    }

    @Test
    void theImportSaysHowManyReadingsItStoredAsImplausible() {
        ImportReadingsService importer = TestServices.importReadingsService(world.ctx, new InMemoryBulkStore(world.store),
                new HistoryPlausibilityProvider(world.store, world.store));
        // a decreasing pair, both marked implausible by the file, and a slip the rule marks
        ImportReport report = importer.importReadings(new ImportReadingsCommand(world.admin, List.of(
                reading(meter, counter, "2024-06-01T00:00:00Z", "100").build(),
                reading(meter, counter, "2024-06-02T00:00:00Z", "900").status(ReadingStatus.IMPLAUSIBLE).build(),
                reading(meter, counter, "2024-06-03T00:00:00Z", "800").status(ReadingStatus.IMPLAUSIBLE).build(),
                reading(meter, counter, "2024-06-04T00:00:00Z", "101000").build(),
                reading(meter, counter, "2024-06-05T00:00:00Z", "102").build()).iterator(), 2,
                ImportCommit.FILE, true), ImportProgress.NONE);

        assertThat(report.rows()).isEqualTo(5);
        assertThat(report.implausible()).isEqualTo(3);
    }

    // ---- 2. date-only "today" just after local midnight

    @Test
    void aDateOnlyReadingOfTodayIsAcceptedJustAfterLocalMidnight() {
        // 00:30 in Berlin on June 15th: the UTC date is still June 14th
        world.clock.set(Instant.parse("2024-06-14T22:30:00Z"));
        world.record(reading(meter, counter, "2024-06-15T00:00:00Z", "10"));
        assertRejected(() -> world.record(reading(meter, counter, "2024-06-16T00:00:00Z", "11")), RejectionReason.TIMESTAMP_FUTURE);
    }

    // ---- 3. an ERP echo of a portal reading

    @Test
    void anErpEchoOfAPortalReadingConfirmsItInsteadOfStoringItTwice() {
        Meter portalMeter = world.powerMeterOf("contact-ben");
        Counter c = world.consumptionCounter(portalMeter);
        world.record(ServiceWorld.portal("contact-ben"), WriteOptions.DEFAULT,
                reading(portalMeter, c, "2024-06-13T18:42:10Z", "4711.3").source(ReadingSource.ECP));
        // the next morning the ERP sends it back as a date-only timestamp (00:00 UTC of that day)
        world.record(reading(portalMeter, c, "2024-06-13T00:00:00Z", "4711.30").source(ReadingSource.ERP));

        assertThat(world.stored(c)).singleElement().satisfies(r -> {
            assertThat(r.timestamp()).isEqualTo(Instant.parse("2024-06-13T18:42:10Z"));
            assertThat(r.source()).isEqualTo(ReadingSource.ERP);
        });
    }

    @Test
    void aBatchCreateFromTheErpThatEchoesAPortalReadingWritesOverIt() {
        world.record(ServiceWorld.portal("contact-anna"), WriteOptions.DEFAULT,
                reading(meter, counter, "2024-06-13T18:42:10Z", "4711.3").source(ReadingSource.ECP));
        BatchWriteReadingsService batch = TestServices.batchWriteReadingsService(world.ctx, PlausibilityProvider.NONE);
        batch.write(new BatchWriteCommand(world.admin, List.of(new BatchItem(BatchOperation.CREATE, meter.id(), counter.id(), null,
                Instant.parse("2024-06-13T00:00:00Z"), new BigDecimal("4711.3"), ReadingSource.ERP, null, null, null, "erp-1", null, null,
                null, java.util.Map.of())), null, WriteOptions.DEFAULT));

        assertThat(world.stored(counter)).singleElement().satisfies(r -> {
            assertThat(r.timestamp()).isEqualTo(Instant.parse("2024-06-13T18:42:10Z"));
            assertThat(r.source()).isEqualTo(ReadingSource.ERP);
            assertThat(r.externalId()).isEqualTo("erp-1");
        });
    }

    @Test
    void anotherValueOnTheSameDayOrAMeterThatTurnedMatchingOffStoresASecondReading() {
        world.record(reading(meter, counter, "2024-06-13T18:42:10Z", "4711.3").source(ReadingSource.ECP));
        world.record(reading(meter, counter, "2024-06-13T20:00:00Z", "4711.9").source(ReadingSource.ERP));
        assertThat(world.stored(counter)).hasSize(2);

        Meter strict = world.updateMeter(world.powerMeterOf("contact-carl"), MeterChanges.builder().readingEcho(set(EchoMatching.OFF)));
        Counter c = world.consumptionCounter(strict);
        world.record(reading(strict, c, "2024-06-13T18:42:10Z", "4711.3").source(ReadingSource.ECP));
        world.record(reading(strict, c, "2024-06-13T00:00:00Z", "4711.3").source(ReadingSource.ERP));
        assertThat(world.stored(c)).hasSize(2);
    }

    @Test
    void equalValuesOfOneSourceOnOneDayAreReadingsOfARegisterStandingStill() {
        world.record(reading(meter, counter, "2024-06-13T00:00:00Z", "4711.3"), reading(meter, counter, "2024-06-13T01:00:00Z", "4711.3"));
        world.record(reading(meter, counter, "2024-06-13T02:00:00Z", "4711.3"));
        assertThat(world.stored(counter)).hasSize(3);
    }

    @Test
    void aMeterKeepsItsEchoSettingWhereTheRulesReadIt() {
        world.updateMeter(meter, MeterChanges.builder().readingEcho(set(EchoMatching.OFF)));
        assertThat(EchoMatching.of(world.store.findById(meter.org(), meter.id()).orElseThrow())).isEqualTo(EchoMatching.OFF);
    }

    // ---- 4. clocks gone wrong

    @Test
    void anEpochReadingIsRefusedAndNeverBecomesTheFirstReading() {
        assertRejected(() -> world.record(reading(meter, counter, "1970-01-01T00:00:00Z", "0")), RejectionReason.TIMESTAMP_TOO_EARLY);
        assertThat(world.stored(counter)).isEmpty();
    }

    @Test
    void aReadingBeforeTheInstallationDateIsRefused() {
        world.updateMeter(meter, MeterChanges.builder().installationDate(set("2024-03-01")));
        assertRejected(() -> world.record(reading(meter, counter, "2024-02-28T12:00:00Z", "0")), RejectionReason.TIMESTAMP_TOO_EARLY);
        world.record(reading(meter, counter, "2024-03-01T12:00:00Z", "0"));
        assertRejected(() -> world.updateMeter(meter, MeterChanges.builder().installationDate(set("last spring"))),
                RejectionReason.INVALID_TIMESTAMP);
    }

    // ---- 5. a correction never breaks the series

    @Test
    void markingAMeterChangeImplausibleThatWouldJoinTwoMetersOutOfOrderIsRefused() {
        UpdateReadingService updates = TestServices.updateReadingService(world.ctx, PlausibilityProvider.NONE);
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "80000"),
                reading(meter, counter, "2024-05-10T00:00:00Z", "5").reason("meter_change"),
                reading(meter, counter, "2024-05-20T00:00:00Z", "12"));

        assertRejected(() -> updates.update(new UpdateReadingCommand(world.admin,
                new ReadingAddress(meter.id(), counter.id(), Instant.parse("2024-05-10T00:00:00Z"), null),
                ReadingChanges.setting(new BigDecimal("5"), ReadingSource.ERP, null, ReadingReason.METER_CHANGE, null, ReadingStatus.IMPLAUSIBLE, null,
                        null, null), WriteOptions.DEFAULT)), RejectionReason.LESS_THAN_PREVIOUS);
        assertThat(world.stored(counter)).extracting(Reading::status).containsOnlyNulls();
    }

    // ---- 6. decommissioned meters

    @Test
    void aMeterIsNotClosedBeforeAReadingItHolds() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"), reading(meter, counter, "2024-06-10T00:00:00Z", "150"));

        assertThatThrownBy(() -> world.updateMeter(meter, closing("2024-05-31T22:00:00Z")))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.READINGS_AFTER_DECOMMISSIONING))
                .hasMessageContaining("the latest at 2024-06-10T00:00:00Z");
        assertThat(world.store.findById(meter.org(), meter.id()).orElseThrow().isDecommissioned()).as("the refused change stored nothing").isFalse();

        // at the latest reading's instant it closes; moving the instant before it later is refused alike
        world.updateMeter(meter, closing("2024-06-10T00:00:00Z"));
        assertThatThrownBy(() -> world.updateMeter(meter, MeterChanges.builder().decommissionedAt(set("2024-06-09"))))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.READINGS_AFTER_DECOMMISSIONING));
        // other changes of a closed meter are not held up
        world.updateMeter(meter, MeterChanges.builder().title(set("closed")));
    }

    @Test
    void aClosedMeterLetsAnAdminCorrectAndDeleteUpToItsClosingAndNothingAfter() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"), reading(meter, counter, "2024-05-20T00:00:00Z", "120"));
        world.updateMeter(meter, closing("2024-05-31"));
        UpdateReadingService updates = TestServices.updateReadingService(world.ctx, PlausibilityProvider.NONE);
        DeleteReadingService deletes = TestServices.deleteReadingService(world.ctx);

        // backdated correction with skip_validation, before the closing
        updates.update(new UpdateReadingCommand(world.admin, new ReadingAddress(meter.id(), counter.id(),
                Instant.parse("2024-05-20T00:00:00Z"), null), ReadingChanges.setting(new BigDecimal("119"), ReadingSource.ERP, null, null,
                        null, null, null, null, null), new WriteOptions(true, false)));
        assertThat(world.stored(counter)).extracting(r -> r.value().toPlainString()).containsExactly("100", "119");
        deletes.delete(new DeleteReadingCommand(world.admin, new ReadingAddress(meter.id(), counter.id(),
                Instant.parse("2024-05-20T00:00:00Z"), null), false));
        // after the closing: refused, even with skip_validation
        assertRejected(() -> world.record(world.admin, new WriteOptions(true, false), reading(meter, counter, "2024-06-01T00:00:00Z", "160")),
                RejectionReason.METER_DECOMMISSIONED);
        // a portal user writes nothing to a closed meter
        assertRejected(() -> world.record(ServiceWorld.portal("contact-anna"), WriteOptions.DEFAULT,
                reading(meter, counter, "2024-05-25T00:00:00Z", "130").source(ReadingSource.ECP)), RejectionReason.METER_DECOMMISSIONED);

        assertThat(world.stored(counter)).extracting(r -> r.value().toPlainString()).containsExactly("100");
    }

    @Test
    void theAllowedRangeOfAClosedMeterSaysItIsClosed() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"));
        world.updateMeter(meter, closing("2024-05-31T22:00:00Z"));
        AllowedReadingService ranges = TestServices.allowedReadings(world.ctx, new HistoryPlausibilityProvider(world.store, world.store));

        AllowedRange after = ranges.allowedRanges(world.admin, meter.id(), null).get(0);
        assertThat(after.closedAt()).isEqualTo(Instant.parse("2024-05-31T22:00:00Z"));
        assertThat(after.maxValue()).isNull();
        assertThat(after.minValue()).isEqualByComparingTo("100");

        Meter open = world.powerMeterOf("contact-dora");
        world.consumptionCounter(open);
        assertThat(ranges.allowedRanges(world.admin, open.id(), null).get(0).closedAt()).isNull();
    }
}
