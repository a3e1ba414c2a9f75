package io.metering.domain.reading;

import static io.metering.domain.fixtures.Fixtures.consumptionCounter;
import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static io.metering.domain.fixtures.ReadingSpec.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.metering.domain.plausibility.PlausibilityRule;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.fixtures.ReadingSpec;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.meter.MeterStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The rules decided after the first outside trials (docs/domain.md#decisions-after-the-first-outside-trials),
 * as the validator applies them: date-only "today", plausible dates, decommissioned meters, fresh
 * counters.
 */
class ReadingBatchValidatorFieldTrialTest {
    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");
    /** A now after every generated series. */
    private static final Instant LATER = Instant.parse("2035-01-01T00:00:00Z");
    private static final List<ZoneId> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList();

    private final Meter meter = powerMeter().build();
    private final Counter counter = consumptionCounter(meter).build();

    private ReadingSpec reading(Meter m) {
        return ReadingSpec.of(m, counter);
    }

    private static void assertRejected(Runnable r, RejectionReason reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static List<Reading> validate(InMemorySeries stored, PlausibilityPolicy policy, List<ReadingCandidate> batch, Instant now,
            ZoneId zone) {
        return new ReadingBatchValidator(stored, policy).validate(batch, now, zone, true);
    }

    // ---- date-only today (docs/domain.md#date-only-today)

    @Test
    void aDateOnlyReadingOfTodaysBusinessDateIsAcceptedAtEveryHourOfThatDayInEveryZone() {
        Gen<ZoneId> zones = Generate.pick(ZONES);
        Gen<LocalDate> days = SourceDSL.integers().between(0, 3650).map(n -> LocalDate.of(2020, 1, 1).plusDays(n));
        Gen<Integer> minutes = SourceDSL.integers().between(0, 24 * 60 - 1);
        qt().withExamples(3000).forAll(zones, days, minutes).checkAssert((zone, day, minute) -> {
            Instant now = day.atStartOfDay(zone).plus(Duration.ofMinutes(minute)).toInstant();
            if (!LocalDate.ofInstant(now, zone).equals(day)) {
                return; // a local day shorter than 24 h (a DST change): this minute is the next day
            }
            Instant dateOnly = day.atStartOfDay(ZoneOffset.UTC).toInstant(); // how a date-only input is stored
            assertThat(validate(new InMemorySeries(), PlausibilityPolicy.NONE, batch(reading(meter).at(dateOnly).value("1")), now, zone))
                    .as("%s at %s in %s", day, now, zone).hasSize(1);
        });
    }

    @Test
    void justAfterLocalMidnightEastOfUtcTodaysDateIsNotTheFuture() {
        // 00:30 in Berlin on June 15th is 22:30 UTC on June 14th
        Instant now = Instant.parse("2024-06-14T22:30:00Z");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(validate(new InMemorySeries(), PlausibilityPolicy.NONE, batch(reading(meter).at("2024-06-15T00:00:00Z").value("1")), now,
                berlin)).hasSize(1);
        // far east of UTC, 08:00 in Kiritimati (UTC+14) on June 15th is 18:00 UTC on June 14th
        assertThat(validate(new InMemorySeries(), PlausibilityPolicy.NONE, batch(reading(meter).at("2024-06-15T00:00:00Z").value("1")),
                Instant.parse("2024-06-14T18:00:00Z"), ZoneId.of("Pacific/Kiritimati"))).hasSize(1);
    }

    @Test
    void tomorrowsDateAndExactInstantsAfterNowStayInTheFuture() {
        Instant now = Instant.parse("2024-06-14T22:30:00Z");
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertRejected(() -> validate(new InMemorySeries(), PlausibilityPolicy.NONE, batch(reading(meter).at("2024-06-16T00:00:00Z").value("1")),
                now, berlin), RejectionReason.TIMESTAMP_FUTURE);
        assertRejected(() -> validate(new InMemorySeries(), PlausibilityPolicy.NONE, batch(reading(meter).at("2024-06-15T00:00:00.001Z").value("1")),
                now, berlin), RejectionReason.TIMESTAMP_FUTURE);
    }

    // ---- plausible dates (docs/domain.md#plausible-dates)

    @Test
    void anEpochTimestampIsTooEarlyAndNeverBecomesTheFirstReading() {
        assertRejected(() -> validate(new InMemorySeries(), PlausibilityPolicy.NONE,
                batch(reading(meter).at("1970-01-01T00:00:00Z").value("0")), NOW, ZoneOffset.UTC), RejectionReason.TIMESTAMP_TOO_EARLY);
        assertRejected(() -> validate(new InMemorySeries(), PlausibilityPolicy.NONE,
                batch(reading(meter).at("1989-12-31T23:59:59.999Z").value("0")), NOW, ZoneOffset.UTC), RejectionReason.TIMESTAMP_TOO_EARLY);
        assertThat(validate(new InMemorySeries(), PlausibilityPolicy.NONE, batch(reading(meter).at(MeterLifecycle.EARLIEST_PLAUSIBLE).value("0")),
                NOW, ZoneOffset.UTC)).hasSize(1);
        assertThatThrownBy(() -> validate(new InMemorySeries(), PlausibilityPolicy.NONE,
                batch(reading(meter).at("1970-01-01T00:00:00Z").value("0")), NOW, ZoneOffset.UTC))
                .hasMessageContaining("earliest plausible reading time").hasMessageContaining("clock fallen back to its epoch");
    }

    @Test
    void aReadingBeforeTheInstallationDateIsRefusedPlainlyWithoutAClockGuess() {
        Meter installed = powerMeter().attributes(Map.of(MeterLifecycle.INSTALLATION_DATE, "2024-03-01")).build();
        assertThatThrownBy(() -> validate(new InMemorySeries(), PlausibilityPolicy.NONE,
                batch(reading(installed).at("2024-02-01T00:00:00Z").value("0")), NOW, ZoneOffset.UTC))
                .hasMessageContaining("lies before 2024-03-01T00:00:00Z, the start of the meter's installation")
                .hasMessageNotContaining("epoch").hasMessageNotContaining("clock");
    }

    @Test
    void aReadingBeforeTheInstallationDateIsTooEarlyInTheBusinessZone() {
        Meter installed = powerMeter().attributes(Map.of(MeterLifecycle.INSTALLATION_DATE, "2024-03-01")).build();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // March 1st starts at 23:00 UTC on February 29th in Berlin
        assertRejected(() -> validate(new InMemorySeries(), PlausibilityPolicy.NONE,
                batch(reading(installed).at("2024-02-29T22:59:59Z").value("0")), NOW, berlin), RejectionReason.TIMESTAMP_TOO_EARLY);
        assertThat(validate(new InMemorySeries(), PlausibilityPolicy.NONE, batch(reading(installed).at("2024-02-29T23:00:00Z").value("0")),
                NOW, berlin)).hasSize(1);
        Meter commissioned = powerMeter().attributes(Map.of(MeterLifecycle.COMMISSIONING_DATE, "2024-03-01T10:00:00Z")).build();
        assertRejected(() -> validate(new InMemorySeries(), PlausibilityPolicy.NONE,
                batch(reading(commissioned).at("2024-03-01T09:00:00Z").value("0")), NOW, berlin), RejectionReason.TIMESTAMP_TOO_EARLY);
    }

    // ---- decommissioned meters (docs/domain.md#decommissioned-meters)

    @Test
    void aClosedMeterTakesCorrectionsUpToItsClosingInstantAndNothingAfterEvenWithoutValidation() {
        Meter closed = powerMeter().status(MeterStatus.DECOMMISSIONED)
                .attributes(Map.of(MeterLifecycle.DECOMMISSIONED_AT, "2024-05-31")).build();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ReadingBatchValidator v = new ReadingBatchValidator(new InMemorySeries(), PlausibilityPolicy.NONE);
        // the date's whole business day is open: up to 23:59:59.999 Berlin time
        assertThat(v.validate(batch(reading(closed).at("2024-05-31T21:59:59.999Z").value("5")), NOW, berlin, true)).hasSize(1);
        assertRejected(() -> v.validate(batch(reading(closed).at("2024-05-31T22:00:00Z").value("5")), NOW, berlin, true),
                RejectionReason.METER_DECOMMISSIONED);
        assertRejected(() -> v.validate(batch(reading(closed).at("2024-06-01T00:00:00Z").value("5")), NOW, berlin, false),
                RejectionReason.METER_DECOMMISSIONED);
    }

    // ---- fresh counters (docs/domain.md#without-a-rate-fresh-counters)

    /** The product's rule over the stored points and the batch's own, as the application wires it. */
    private static PlausibilityPolicy rule(InMemorySeries stored) {
        return new PlausibilityPolicy() {
            @Override
            public Optional<BigDecimal> upperBound(PlausibilityQuestion q) {
                List<SeriesPoint> earlier = new ArrayList<>(q.written());
                earlier.addAll(stored.pointsBefore(q.series(), q.previous().timestamp()));
                return PlausibilityRule.upperBound(RateWindow.endingAt(q.previous(), earlier, q.capacity()), q.t());
            }

            @Override
            public Optional<BigDecimal> limitWithoutBound(SeriesPoint previous) {
                return PlausibilityRule.freshLimit(previous);
            }
        };
    }

    @Test
    void onACounterWithOneReadingAThousandfoldValueIsImplausibleAndTheNextGenuineOneIsTaken() {
        InMemorySeries stored = InMemorySeries.of(reading(meter).at("2024-06-01T08:00:00Z").value("12.5").reading());
        List<Reading> slip = validate(stored, rule(stored), batch(reading(meter).at("2024-06-01T20:00:00Z").value("13100")), NOW,
                ZoneOffset.UTC);
        assertThat(slip.get(0).status()).isEqualTo(ReadingStatus.IMPLAUSIBLE);

        stored.add(slip.get(0));
        List<Reading> genuine = validate(stored, rule(stored), batch(reading(meter).at("2024-06-02T08:00:00Z").value("14.2")), NOW,
                ZoneOffset.UTC);
        assertThat(genuine.get(0).status()).isNull();
    }

    @Test
    void aTenfoldJumpOnAFreshCounterIsImplausibleAndJustBelowItIsNot() {
        InMemorySeries stored = InMemorySeries.of(reading(meter).at("2024-06-01T08:00:00Z").value("40").reading());
        assertThat(validate(stored, rule(stored), batch(reading(meter).at("2024-06-01T09:00:00Z").value("400")), NOW, ZoneOffset.UTC)
                .get(0).status()).isEqualTo(ReadingStatus.IMPLAUSIBLE);
        assertThat(validate(stored, rule(stored), batch(reading(meter).at("2024-06-01T09:00:00Z").value("399.999")), NOW, ZoneOffset.UTC)
                .get(0).status()).isNull();
    }

    @Test
    void forAnySeriesAndAnySlipFactorOfTenOrMoreASlipNeverLocksOutTheNextGenuineReading() {
        Gen<List<Integer>> steps = SourceDSL.lists().of(SourceDSL.integers().between(0, 5000)).ofSizeBetween(1, 40);
        Gen<Integer> hoursApart = SourceDSL.integers().between(1, 24 * 40);
        Gen<Integer> factor = SourceDSL.integers().between(10, 100_000);
        qt().withExamples(400).forAll(steps, hoursApart, factor, SourceDSL.integers().between(1, 100_000)).checkAssert((advances, hours, k, start) -> {
            InMemorySeries stored = new InMemorySeries();
            Instant t = Instant.parse("2023-01-01T00:00:00Z");
            BigDecimal value = BigDecimal.valueOf(start, 2);
            stored.add(reading(meter).at(t).value(value).reading());
            List<BigDecimal> genuine = new ArrayList<>();
            for (int a : advances) {
                value = value.add(BigDecimal.valueOf(a, 2));
                genuine.add(value);
            }
            // all genuine readings but the last are stored; the slip replaces the last one, then the genuine one comes
            for (int i = 0; i < genuine.size() - 1; i++) {
                t = t.plus(Duration.ofHours(hours));
                stored.add(validate(stored, rule(stored), batch(reading(meter).at(t).value(genuine.get(i))), LATER, ZoneOffset.UTC).get(0));
            }
            BigDecimal last = genuine.get(genuine.size() - 1);
            Instant slipAt = t.plus(Duration.ofHours(hours));
            Reading slip = validate(stored, rule(stored), batch(reading(meter).at(slipAt).value(last.multiply(BigDecimal.valueOf(k)))), LATER,
                    ZoneOffset.UTC).get(0);
            stored.add(slip);
            // the write of the genuine reading is never refused: the slip was stored implausible, or this reading shows it
            ReadingBatchValidator.Judgement next = new ReadingBatchValidator(stored, rule(stored)).judge(
                    batch(reading(meter).at(slipAt.plus(Duration.ofHours(hours))).value(last)), LATER, ZoneOffset.UTC, true);
            assertThat(next.readings().get(0).value()).isEqualByComparingTo(last);
            assertThat(slip.isImplausible() || next.demoted().equals(List.of(slip.key()))).as("the slip leaves the series").isTrue();
        });
    }

    // ---- a slip shown by a later reading (docs/domain.md#a-slip-shown-by-a-later-reading)

    @Test
    void aSlipAsTheCountersFirstReadingIsDemotedByTheNextGenuineOne() {
        Reading slip = reading(meter).at("2024-06-01T08:00:00Z").value("12500").reading();
        InMemorySeries stored = InMemorySeries.of(slip);
        ReadingBatchValidator.Judgement j = new ReadingBatchValidator(stored, rule(stored)).judge(
                batch(reading(meter).at("2024-06-02T08:00:00Z").value("12.9")), NOW, ZoneOffset.UTC, true);
        assertThat(j.readings().get(0).status()).isNull();
        assertThat(j.demoted()).containsExactly(slip.key());
    }

    @Test
    void aDigitTooFewAfterAGenuineReadingIsRefusedAsBefore() {
        InMemorySeries stored = InMemorySeries.of(
                reading(meter).at("2024-06-01T08:00:00Z").value("990").reading(),
                reading(meter).at("2024-06-02T08:00:00Z").value("1000").reading());
        assertRejected(() -> new ReadingBatchValidator(stored, rule(stored)).judge(
                batch(reading(meter).at("2024-06-03T08:00:00Z").value("100")), NOW, ZoneOffset.UTC, true), RejectionReason.LESS_THAN_PREVIOUS);
    }

    @Test
    void aSlipEarlierInTheSameBatchIsMarkedImplausibleByTheGenuineReadingAfterIt() {
        InMemorySeries stored = InMemorySeries.of(reading(meter).at("2024-06-01T08:00:00Z").value("10").reading());
        ReadingBatchValidator.Judgement j = new ReadingBatchValidator(stored, PlausibilityPolicy.NONE).judge(batch(
                reading(meter).at("2024-06-02T08:00:00Z").value("110000"),
                reading(meter).at("2024-06-03T08:00:00Z").value("12")), NOW, ZoneOffset.UTC, true);
        assertThat(j.readings()).extracting(Reading::status).containsExactly(ReadingStatus.IMPLAUSIBLE, null);
        assertThat(j.demoted()).isEmpty();
    }
}
