package io.metering.domain.plausibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.metering.domain.consumption.ConsumptionRate;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The plausibility bound, computed by hand: min(advance bound, slip bound) with
 * advance bound = p + max(10 x r x max(dt, 3 days), p) and slip bound = √10 x (p + max(r, m) x dt).
 */
class PlausibilityRuleTest {
    static final Optional<RegisterCapacity> NO_CAPACITY = Optional.empty();
    private static final ConsumptionRate SIX_A_DAY = new ConsumptionRate(new BigDecimal("6"), Duration.ofDays(1));

    private final RateWindow upToJanuary3rd = window(p("2024-01-03T00:00:00Z", "1020"),
            p("2024-01-01T00:00:00Z", "1000"), p("2024-01-02T00:00:00Z", "1010"));
    /** Liander export register 4: 0 until November 6th, 0.747 on the 7th (its next genuine value is 15.929). */
    private final RateWindow startedYesterday = window(p("2023-11-07T00:00:00Z", "0.747"), p("2023-06-05T00:00:00Z", "0"),
            p("2023-11-06T00:00:00Z", "0"));

    static SeriesKey key() {
        return new SeriesKey(new CounterId(UUID.randomUUID()), Direction.FEED_OUT);
    }

    static SeriesPoint p(String instant, String value) {
        return new SeriesPoint(Instant.parse(instant), new BigDecimal(value), false, false);
    }

    /** The window ending at {@code latest}, with the earlier points, oldest first, on a register without capacity. */
    static RateWindow window(SeriesPoint latest, SeriesPoint... earlier) {
        return RateWindow.endingAt(latest, List.of(earlier), NO_CAPACITY);
    }

    private static void assertBound(RateWindow window, String instant, String expected) {
        assertThat(PlausibilityRule.upperBound(window, Instant.parse(instant)))
                .hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo(expected));
    }

    @Test
    void aDayLaterTheBoundIsTwiceThePreviousValueWhenThatExceedsTenTimesThreeDaysOfConsumption() {
        // advance bound 1020 + max(10 x 10/day x 3 days, 1020) = 2040; slip bound 3.1623 x 1030 = 3257.169
        assertBound(upToJanuary3rd, "2024-01-04T00:00:00Z", "2040");
    }

    @Test
    void onAYoungRegisterADayLaterTheBoundIsRootTenTimesTheForecast() {
        RateWindow young = window(p("2024-01-03T00:00:00Z", "40"), p("2024-01-01T00:00:00Z", "20"), p("2024-01-02T00:00:00Z", "30"));
        // advance bound 40 + 10 x 10/day x 3 days = 340 lets a x10 slip of 41 through;
        // slip bound 3.1623 x (40 + 10) = 158.115 does not
        assertThat(PlausibilityRule.advanceBound(young, Instant.parse("2024-01-04T00:00:00Z"))).contains(new BigDecimal("340.000000"));
        assertBound(young, "2024-01-04T00:00:00Z", "158.115");
    }

    @Test
    void afterALongGapTheBoundGrowsWithTheGap() {
        // 60 days later: advance bound 1020 + 10 x 10 x 60 = 7020, slip bound 3.1623 x (1020 + 600) = 5122.926
        assertBound(upToJanuary3rd, "2024-03-03T00:00:00Z", "5122.926");
    }

    @Test
    void aWattHourValueOnAKilowattHourRegisterIsFarAboveIt() {
        // 1030 kWh sent as 1 030 000 Wh
        assertThat(PlausibilityRule.upperBound(upToJanuary3rd, Instant.parse("2024-01-04T00:00:00Z")).orElseThrow())
                .isLessThan(new BigDecimal("1030000"));
    }

    @Test
    void aRegisterThatStoodStillMayRestartUpToDoubling() {
        RateWindow summerGas = window(p("2024-08-31T00:00:00Z", "5000"), p("2024-07-01T00:00:00Z", "5000"), p("2024-08-01T00:00:00Z", "5000"));

        assertBound(summerGas, "2024-09-01T00:00:00Z", "10000");
    }

    @Test
    void aRegisterAtZeroThatNeverMovedGivesNoBound() {
        RateWindow unusedFeedIn = window(p("2023-11-06T00:00:00Z", "0"), p("2023-06-05T00:00:00Z", "0"));

        assertThat(PlausibilityRule.upperBound(unusedFeedIn, Instant.parse("2023-11-07T00:00:00Z"))).isEmpty();
    }

    @Test
    void aRegisterThatJustStartedIsJudgedByItsOwnPaceWhenTheMeterGivesNone() {
        // advance bound 0.747 + 10 x 0.747 x 3 = 23.157; slip bound 3.1623 x (0.747 + 0.747) = 4.7245 (rounded up)
        assertThat(PlausibilityRule.advanceBound(startedYesterday, Instant.parse("2023-11-08T00:00:00Z")).orElseThrow())
                .isEqualByComparingTo("23.157");
        assertBound(startedYesterday, "2023-11-08T00:00:00Z", "4.724477");
    }

    @Test
    void theMeterPaceRaisesTheSlipBoundOfARegisterYoungerThanItsPace() {
        // slip bound 3.1623 x (0.747 + 6 x 1 day) = 21.336039: the genuine 15.929 passes, a x10 slip of 2.4 does not
        Optional<BigDecimal> bound = PlausibilityRule.upperBound(startedYesterday, Instant.parse("2023-11-08T00:00:00Z"),
                () -> Optional.of(SIX_A_DAY));
        assertThat(bound).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo("21.336039"));
    }

    @Test
    void aSlowerMeterPaceChangesNothingAndIsNotReadWhereTheAdvanceBoundIsLower() {
        ConsumptionRate slow = new ConsumptionRate(new BigDecimal("0.1"), Duration.ofDays(1));
        assertThat(PlausibilityRule.upperBound(startedYesterday, Instant.parse("2023-11-08T00:00:00Z"), () -> Optional.of(slow)))
                .isEqualTo(PlausibilityRule.upperBound(startedYesterday, Instant.parse("2023-11-08T00:00:00Z")));
        assertThat(PlausibilityRule.upperBound(upToJanuary3rd, Instant.parse("2024-01-04T00:00:00Z"), () -> {
            throw new AssertionError("the meter pace cannot raise a bound the advance bound caps");
        })).isPresent();
    }

    @Test
    void theMeterPaceIsTheFastestActiveRateOfTheOtherRegisters() {
        RegisterHistory sixADay = new RegisterHistory(key(), List.of(p("2024-01-03T00:00:00Z", "112"), p("2024-01-01T00:00:00Z", "100")), NO_CAPACITY);
        RegisterHistory twoADay = new RegisterHistory(key(), List.of(p("2024-01-03T00:00:00Z", "54"), p("2024-01-02T00:00:00Z", "52"),
                p("2023-12-01T00:00:00Z", "52")), NO_CAPACITY);
        RegisterHistory tooShort = new RegisterHistory(key(), List.of(p("2024-01-03T00:00:00Z", "9000")), NO_CAPACITY);

        assertThat(PlausibilityRule.meterPace(List.of(twoADay, tooShort, sixADay)).orElseThrow().perDay()).isEqualByComparingTo("6");
        assertThat(PlausibilityRule.meterPace(List.of(tooShort, new RegisterHistory(key(), List.of(), NO_CAPACITY)))).isEmpty();
    }

    @Test
    void aWritesOwnPointsOfAnotherRegisterCountInItsHistoryUpToTheInstantJudged() {
        SeriesKey feedOut = key();
        RegisterHistory stored = new RegisterHistory(feedOut, List.of(p("2024-01-01T00:00:00Z", "100")), NO_CAPACITY);
        RegisterHistory withBatch = stored.withWritten(List.of(p("2024-01-03T00:00:00Z", "112"), p("2024-01-02T00:00:00Z", "106"),
                p("2024-01-05T00:00:00Z", "900"), new SeriesPoint(Instant.parse("2024-01-04T00:00:00Z"), new BigDecimal("5000"), false, true)),
                Instant.parse("2024-01-03T12:00:00Z"));

        assertThat(stored.activeRate()).isEmpty();
        assertThat(withBatch.newestFirst()).extracting(SeriesPoint::value).containsExactly(new BigDecimal("112"), new BigDecimal("106"),
                new BigDecimal("100"));
        assertThat(withBatch.activeRate().orElseThrow().perDay()).isEqualByComparingTo("6");
    }

    @Test
    void noBoundWhileHistoryIsTooShort() {
        RateWindow hours = window(p("2024-01-01T06:00:00Z", "1001"), p("2024-01-01T00:00:00Z", "1000"));

        assertThat(PlausibilityRule.upperBound(hours, Instant.parse("2024-01-02T00:00:00Z"))).isEmpty();
    }

    /** Validators skip the history for values at or below the least bound, so no bound may lie below it. */
    @Test
    void noBoundLiesBelowTwiceThePreviousValue() {
        qt().withExamples(500).forAll(
                lists().of(integers().between(0, 400)).ofSizeBetween(0, 30),
                integers().between(0, 5_000),
                integers().between(0, 2_000))
                .checkAssert((steps, start, hoursLater) -> {
                    Instant t = Instant.parse("2024-01-01T00:00:00Z");
                    long value = start;
                    List<SeriesPoint> earlier = new ArrayList<>();
                    for (int step : steps) {
                        earlier.add(new SeriesPoint(t, BigDecimal.valueOf(value, 1), false, false));
                        t = t.plus(Duration.ofHours(1 + step % 48));
                        value += step;
                    }
                    SeriesPoint previous = new SeriesPoint(t, BigDecimal.valueOf(value, 1), false, false);
                    RateWindow window = RateWindow.endingAt(previous, earlier, NO_CAPACITY);
                    PlausibilityRule.upperBound(window, t.plus(Duration.ofHours(hoursLater)), () -> Optional.of(SIX_A_DAY)).ifPresent(bound ->
                            assertThat(bound).isGreaterThanOrEqualTo(PlausibilityRule.leastBound(previous)));
                });
    }

    /**
     * The slip signature, for any register with a rate, however young: a slip (×10 to ×100,000) of a
     * value at or above the register's forecast lies above the bound, since the slip bound is √10
     * times that forecast.
     */
    @Test
    void aSlipOfAValueAtOrAboveItsForecastIsAlwaysAboveTheSlipBound() {
        qt().withExamples(500).forAll(
                integers().between(1, 100_000),
                integers().between(0, 5_000),
                integers().between(1, 96),
                integers().between(1, 5))
                .checkAssert((start, perDay, hoursLater, k) -> {
                    SeriesPoint first = new SeriesPoint(Instant.parse("2024-01-01T00:00:00Z"), BigDecimal.valueOf(start, 1), false, false);
                    SeriesPoint previous = new SeriesPoint(Instant.parse("2024-01-03T00:00:00Z"),
                            BigDecimal.valueOf(start + 2L * perDay, 1), false, false);
                    RateWindow window = RateWindow.endingAt(previous, List.of(first), NO_CAPACITY);
                    Instant t = previous.timestamp().plus(Duration.ofHours(hoursLater));
                    BigDecimal forecast = previous.value().add(BigDecimal.valueOf(perDay * (long) hoursLater, 1)
                            .divide(BigDecimal.valueOf(24), 6, java.math.RoundingMode.CEILING));
                    BigDecimal slip = forecast.multiply(BigDecimal.TEN.pow(k));
                    PlausibilityRule.upperBound(window, t).ifPresent(bound -> assertThat(slip).isGreaterThan(bound));
                });
    }
}
