package io.metering.application.service;

import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Admin writes of new readings: validation, all or nothing, and where readings land. */
class RecordReadingsWriteRulesTest {
    private final ServiceWorld world = new ServiceWorld();
    private final Meter meter = world.powerMeterOf("contact-anna");
    private final Counter counter = world.consumptionCounter(meter);

    private static AbstractThrowableAssert<?, ?> assertRejected(Runnable r, RejectionReason reason) {
        return assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private List<String> storedValues() {
        return world.stored(counter).stream().map(r -> r.value().toPlainString()).toList();
    }

    @Test
    void aSingleReadingIsStoredNormalizedAndReadableAtOnce() {
        RecordResult result = world.record(reading(meter, counter, "2024-06-01T08:00:00.123456Z", "1250.50"));

        assertThat(result.written()).hasSize(1);
        assertThat(result.pending()).isEmpty();
        Reading stored = world.stored(counter).get(0);
        assertThat(stored.value().toPlainString()).isEqualTo("1250.5");
        assertThat(stored.timestamp()).isEqualTo(Instant.parse("2024-06-01T08:00:00.123Z"));
        assertThat(stored.direction()).isEqualTo(Direction.FEED_OUT);
        assertThat(stored.meterId()).isEqualTo(meter.id());
    }

    @Test
    void aReadingWithoutTimestampIsTakenAtTheServersNow() {
        world.record(reading(meter, counter, null, "10"));
        assertThat(world.stored(counter).get(0).timestamp()).isEqualTo(ServiceWorld.NOW);
    }

    @Test
    void aReadingWithoutCounterGoesToTheMetersOnlyCounter() {
        world.record(new ServiceWorld.Input(meter.id()).at("2024-06-01T00:00:00Z").value("10"));
        assertThat(storedValues()).containsExactly("10");
    }

    @Test
    void aBatchIsStoredWholeAndReturnedInRequestOrder() {
        RecordResult result = world.record(
                reading(meter, counter, "2024-06-03T00:00:00Z", "30"),
                reading(meter, counter, "2024-06-01T00:00:00Z", "10"),
                reading(meter, counter, "2024-06-02T00:00:00Z", "20"));

        assertThat(result.written()).extracting(r -> r.value().toPlainString()).containsExactly("30", "10", "20");
        assertThat(storedValues()).containsExactly("10", "20", "30");
    }

    @Test
    void oneBadReadingLeavesNothingOfTheBatchStored() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"));

        assertRejected(() -> world.record(
                        reading(meter, counter, "2024-06-01T00:00:00Z", "110"),
                        reading(meter, counter, "2024-06-02T00:00:00Z", "120"),
                        reading(meter, counter, "2024-06-03T00:00:00Z", "90")),
                RejectionReason.LESS_THAN_PREVIOUS).hasMessageStartingWith("readings[2]");
        assertThat(storedValues()).containsExactly("100");
    }

    @Test
    void aNegativeValueRejectsTheBatchNamingItsPosition() {
        assertRejected(() -> world.record(
                        reading(meter, counter, "2024-06-01T00:00:00Z", "10"),
                        reading(meter, counter, "2024-06-02T00:00:00Z", "-1")),
                RejectionReason.NEGATIVE_VALUE).hasMessageStartingWith("readings[1]");
        assertThat(storedValues()).isEmpty();
    }

    @Test
    void aReadingAtAnExistingKeyIsDuplicateReading() {
        world.record(reading(meter, counter, "2024-06-01T00:00:00Z", "10"));

        assertRejected(() -> world.record(
                        reading(meter, counter, "2024-06-02T00:00:00Z", "20"),
                        reading(meter, counter, "2024-06-01T00:00:00Z", "10")),
                RejectionReason.DUPLICATE_READING).hasMessageStartingWith("readings[1]");
        assertThat(storedValues()).containsExactly("10");
    }

    @Test
    void twoReadingsOfOneBatchAtTheSameKeyAreDuplicateReading() {
        assertRejected(() -> world.record(
                        reading(meter, counter, "2024-06-01T00:00:00Z", "10"),
                        reading(meter, counter, "2024-06-01T00:00:00.000Z", "10")),
                RejectionReason.DUPLICATE_READING);
        assertThat(storedValues()).isEmpty();
    }

    @Test
    void aReadingInTheFutureIsTimestampFuture() {
        assertRejected(() -> world.record(reading(meter, counter, "2024-06-15T10:00:00.001Z", "10")),
                RejectionReason.TIMESTAMP_FUTURE);
        world.clock.advance(java.time.Duration.ofMillis(1));
        assertThat(world.record(reading(meter, counter, "2024-06-15T10:00:00.001Z", "10")).written()).hasSize(1);
    }

    @Test
    void aDecommissionedMeterTakesNoReadingAfterItsDecommissioningAndAnAdminsCorrectionBeforeIt() {
        world.updateMeter(meter, MeterChanges.builder().status(set(MeterStatus.DECOMMISSIONED)).decommissionedAt(set("2024-06-01T00:00:00Z")));
        assertRejected(() -> world.record(reading(meter, counter, "2024-06-01T00:00:00.001Z", "10")),
                RejectionReason.METER_DECOMMISSIONED);
        assertThat(world.record(reading(meter, counter, "2024-06-01T00:00:00Z", "10")).written()).hasSize(1);
    }

    @Test
    void decommissioningWithoutAnInstantClosesTheMeterAtTheChange() {
        Meter closed = world.updateMeter(meter, MeterChanges.builder().status(set(MeterStatus.DECOMMISSIONED)));
        assertThat(closed.attributes()).containsEntry("decommissioned_at", ServiceWorld.NOW.toString());
        world.clock.advance(java.time.Duration.ofHours(1));
        assertRejected(() -> world.record(reading(meter, counter, null, "10")), RejectionReason.METER_DECOMMISSIONED);
        assertThat(world.record(reading(meter, counter, "2024-06-01T00:00:00Z", "10")).written()).hasSize(1);
    }

    @Test
    void withoutCounterAMeterWithTwoCountersIsNoCounterNamingThePosition() {
        world.createCounter(meter, "1-0:2.8.0");
        assertRejected(() -> world.record(
                        reading(meter, counter, "2024-06-01T00:00:00Z", "10"),
                        new ServiceWorld.Input(meter.id()).at("2024-06-01T00:00:00Z").value("5")),
                RejectionReason.NO_COUNTER).hasMessageStartingWith("readings[1]");
    }

    @Test
    void theDirectionComesFromTheObisCodeWhenNeitherReadingNorCounterNamesIt() {
        Counter feedIn = world.createCounter(meter, "1-0:2.8.0");
        world.record(reading(meter, feedIn, "2024-06-01T00:00:00Z", "3"));
        assertThat(world.stored(feedIn).get(0).direction()).isEqualTo(Direction.FEED_IN);
    }

    @Test
    void aNamedDirectionContradictingTheCounterIsDirectionMismatch() {
        assertRejected(() -> world.record(reading(meter, counter, "2024-06-01T00:00:00Z", "3").direction(Direction.FEED_IN)),
                RejectionReason.DIRECTION_MISMATCH).hasMessageStartingWith("readings[0]");
    }

    @Test
    void aCounterOfAnotherMeterIsNotFound() {
        Meter other = world.powerMeterOf("contact-ben");
        Counter otherCounter = world.consumptionCounter(other);
        assertThatThrownBy(() -> world.record(reading(meter, otherCounter, "2024-06-01T00:00:00Z", "3")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("readings[0]");
        assertThatThrownBy(() -> world.record(new ServiceWorld.Input(meter.id()).counter(CounterId.random())
                .at("2024-06-01T00:00:00Z").value("3"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMeterOfAnotherOrganizationIsNotFound() {
        assertThatThrownBy(() -> world.record(world.otherOrgAdmin, WriteOptions.DEFAULT,
                reading(meter, counter, "2024-06-01T00:00:00Z", "3"))).isInstanceOf(NotFoundException.class);
        assertThat(storedValues()).isEmpty();
    }

    @Test
    void skipValidationLetsAnAdminStoreWhatTheRulesRefuse() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"));
        world.record(world.admin, new WriteOptions(true, false), reading(meter, counter, "2024-06-01T00:00:00Z", "90"));
        assertThat(storedValues()).containsExactly("100", "90");
    }

    @Test
    void skipValidationStillRefusesDuplicatesOfStoredReadings() {
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "100"));
        assertRejected(() -> world.record(world.admin, new WriteOptions(true, false),
                reading(meter, counter, "2024-05-01T00:00:00Z", "100")), RejectionReason.DUPLICATE_READING);
    }

    @Test
    void contractPeriodDatesAreWholeDaysInBerlin() {
        Meter bounded = world.createMeter(MeterChanges.builder().sector(set(Sector.POWER))
                .contractPeriods(ServiceWorld.period("2024-01-01", "2024-03-31")));
        Counter c = world.consumptionCounter(bounded);

        // 2024-01-01 00:00 Berlin is 2023-12-31T23:00Z; 2024-03-31 ends at 24:00 CEST, 22:00Z
        assertRejected(() -> world.record(reading(bounded, c, "2023-12-31T22:59:59.999Z", "1")), RejectionReason.CONTRACT_PERIOD);
        assertRejected(() -> world.record(reading(bounded, c, "2024-03-31T22:00:00Z", "1")), RejectionReason.CONTRACT_PERIOD);
        world.record(reading(bounded, c, "2023-12-31T23:00:00Z", "1"));
        world.record(reading(bounded, c, "2024-03-31T21:59:59.999Z", "2"));
        assertThat(world.stored(c)).hasSize(2);
    }

    @Test
    void moreThanAHundredReadingsAreTooManyRecords() {
        ReadingInput one = reading(meter, counter, "2024-06-01T00:00:00Z", "1").build();
        assertRejected(() -> new RecordReadingsCommand(world.admin, Collections.nCopies(101, one), WriteOptions.DEFAULT),
                RejectionReason.TOO_MANY_RECORDS);
        assertThat(new RecordReadingsCommand(world.admin, Collections.nCopies(100, one), WriteOptions.DEFAULT).readings())
                .hasSize(100);
        assertRejected(() -> new RecordReadingsCommand(world.admin, List.of(), WriteOptions.DEFAULT), RejectionReason.MISSING_PARAMS);
    }

    @Test
    void aWrapOfADeclaredRegisterCapacityIsAccepted() {
        Counter fiveDigits = world.createCounter(meter,
                CounterChanges.builder().obisNumber(set("1-0:2.8.0")).registerCapacity(set(new BigDecimal("100000"))));
        world.record(reading(meter, fiveDigits, "2024-05-01T00:00:00Z", "99993"));
        world.record(reading(meter, fiveDigits, "2024-06-01T00:00:00Z", "13"));
        assertRejected(() -> world.record(reading(meter, fiveDigits, "2024-06-02T00:00:00Z", "100000")),
                RejectionReason.EXCEEDS_REGISTER_CAPACITY);
    }

    @Test
    void thePlausibilityRuleMarksAnAppendedUnitSlipImplausibleAndKeepsIt() {
        world.recording = TestServices.recordReadingsService(world.ctx,
                org -> q -> Optional.of(q.previous().value().add(new BigDecimal("1000"))));
        world.record(reading(meter, counter, "2024-05-01T00:00:00Z", "1000"));

        world.record(reading(meter, counter, "2024-06-01T00:00:00Z", "1250000"));
        world.record(reading(meter, counter, "2024-06-02T00:00:00Z", "1260"));

        assertThat(world.stored(counter)).extracting(Reading::status)
                .containsExactly(null, ReadingStatus.IMPLAUSIBLE, null);
    }
}
