package io.metering.domain.loadprofile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.metering.domain.consumption.ConsumptionTable;
import io.metering.domain.consumption.Period;
import io.metering.domain.consumption.PeriodConsumption;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Consumption from interval values: exact sums, exact splits at period boundaries, flags. */
class IntervalConsumptionTest {
    private static final CounterId COUNTER = new CounterId(UUID.fromString("00000000-0000-4000-8000-000000000001"));
    private static final Instant T0 = Instant.parse("2015-11-30T23:00:00Z");

    private static IntervalValue value(int fromMinute, int toMinute, String value) {
        return new IntervalValue(COUNTER, T0.plus(Duration.ofMinutes(fromMinute)), T0.plus(Duration.ofMinutes(toMinute)),
                new BigDecimal(value), IntervalQuality.TRUE_VALUE, "msg-1");
    }

    private static List<Period> periods(int minutes, int count) {
        List<Period> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Period(T0.plus(Duration.ofMinutes((long) i * minutes)), T0.plus(Duration.ofMinutes((long) (i + 1) * minutes))));
        }
        return out;
    }

    @Test
    void aPeriodIsTheExactSumOfItsValues() {
        ConsumptionTable t = IntervalConsumption.of(List.of(value(0, 15, "0.1"), value(15, 30, "0.2"), value(30, 45, "0.7")),
                periods(45, 1), BigDecimal.TEN);

        PeriodConsumption p = t.periods().get(0);
        assertThat(p.consumption()).isEqualTo(new BigDecimal("1.0"));
        assertThat(p.energy()).isEqualByComparingTo("10");
        assertThat(p.prorated()).isFalse();
        assertThat(p.incomplete()).isFalse();
        assertThat(p.start()).as("no boundary values").isNull();
    }

    @Test
    void anIntervalCrossingABoundaryIsSplitByTimeAndFlagged() {
        // 00:10 to 00:40 crosses 00:30: a third after it
        ConsumptionTable t = IntervalConsumption.of(List.of(value(0, 10, "1"), value(10, 40, "1"), value(40, 60, "2")), periods(30, 2),
                BigDecimal.ONE);

        assertThat(t.periods().get(0).consumption()).isEqualByComparingTo("1.666667");
        assertThat(t.periods().get(1).consumption()).isEqualByComparingTo("2.333333");
        assertThat(t.periods().get(0).prorated()).isTrue();
        assertThat(t.totalConsumption()).as("the parts add up to the values").isEqualByComparingTo("4");
    }

    @Test
    void gapsOverlapsAndEmptyPeriodsAreFlagged() {
        ConsumptionTable t = IntervalConsumption.of(List.of(value(0, 15, "1"), value(0, 15, "2"), value(30, 45, "3")), periods(15, 4),
                BigDecimal.ONE);

        assertThat(t.periods().get(0).consumption()).as("values of one time both count").isEqualByComparingTo("3");
        assertThat(t.periods().get(0).overlapping()).isTrue();
        assertThat(t.periods().get(1).hasValue()).as("no interval touches it").isFalse();
        assertThat(t.periods().get(2).consumption()).isEqualByComparingTo("3");
        assertThat(t.periodsWithoutValue()).isEqualTo(2);
        ConsumptionTable gap = IntervalConsumption.of(List.of(value(0, 10, "1")), periods(15, 1), BigDecimal.ONE);
        assertThat(gap.periods().get(0).incomplete()).isTrue();
    }

    @Test
    void periodsOfAnyLengthAddUpExactlyToTheValues() {
        // random values of random lengths end to end; periods of a random length covering them all
        qt().withExamples(300).forAll(lists().of(integers().between(1, 90)).ofSizeBetween(1, 40), integers().between(1, 200),
                integers().between(0, 99_999)).checkAssert((lengths, periodMinutes, seed) -> {
                    List<IntervalValue> values = new ArrayList<>();
                    BigDecimal sum = BigDecimal.ZERO;
                    int at = 0;
                    for (int i = 0; i < lengths.size(); i++) {
                        BigDecimal v = BigDecimal.valueOf((seed * 31L + i * 7919L) % 100_000, 3);
                        values.add(value(at, at + lengths.get(i), v.toPlainString()));
                        sum = sum.add(v);
                        at += lengths.get(i);
                    }
                    int count = (at + periodMinutes - 1) / periodMinutes;
                    ConsumptionTable t = IntervalConsumption.of(values, periods(periodMinutes, count), BigDecimal.ONE);
                    assertThat(t.totalConsumption()).isEqualByComparingTo(sum);
                });
    }

    @Test
    void aSeriesEndsReversedIntervalsOneResolutionAfterTheirStart() {
        List<Instant[]> sent = List.of(new Instant[] {T0, T0.plusSeconds(900)}, new Instant[] {T0.plusSeconds(900), T0.plusSeconds(1800)},
                new Instant[] {T0.plusSeconds(2700), T0});
        Duration resolution = IntervalSeries.resolution(sent).orElseThrow();

        assertThat(resolution).isEqualTo(Duration.ofMinutes(15));
        assertThat(IntervalSeries.end(T0.plusSeconds(2700), T0, resolution)).isEqualTo(T0.plusSeconds(3600));
        assertThatThrownBy(() -> value(15, 15, "1")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> value(0, 15, "-1")).isInstanceOf(InvalidRequestException.class);
    }
}
