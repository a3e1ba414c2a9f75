package io.metering.domain.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.metering.domain.consumption.BoundaryValue.Kind;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of consumption by period over any accepted series (issue 6): consumptions of a
 * partition add up exactly to the consumption of the whole span, consumption is never negative,
 * interpolated values lie between their neighbours, and the energy factor is applied once.
 */
class ConsumptionPropertiesTest {
    private static final int EXAMPLES = 400;

    /** A series and a span cut into up to nine periods at random instants. */
    record Partitioned(AcceptedSeries series, List<Period> periods) {
        Period whole() {
            return new Period(periods.get(0).start(), periods.get(periods.size() - 1).end());
        }

        ConsumptionCurve curve() {
            return ConsumptionCurve.of(series.points(), series.capacity());
        }

        @Override
        public String toString() {
            return series + " periods=" + periods;
        }
    }

    private static Gen<Partitioned> partitioned() {
        return in -> {
            AcceptedSeries s = AcceptedSeries.series().generate(in);
            List<Instant> cuts = AcceptedSeries.instantsAround(in, s, AcceptedSeries.pick(in, 2, 10));
            List<Period> periods = new ArrayList<>();
            for (int i = 1; i < cuts.size(); i++) {
                periods.add(new Period(cuts.get(i - 1), cuts.get(i)));
            }
            return new Partitioned(s, periods);
        };
    }

    @Test
    void thePeriodsOfAPartitionAddUpExactlyToTheWholeSpan() {
        qt().withExamples(EXAMPLES).forAll(partitioned()).checkAssert(x -> {
            ConsumptionTable parts = ConsumptionByPeriod.of(x.curve(), x.periods(), x.series().factor());
            PeriodConsumption whole = ConsumptionByPeriod.of(x.curve(), List.of(x.whole()), x.series().factor()).periods().get(0);

            assertThat(parts.periodsWithoutValue() == 0).as("all parts have a value exactly when the whole has")
                    .isEqualTo(whole.hasValue());
            if (whole.hasValue()) {
                assertThat(parts.totalConsumption()).isEqualByComparingTo(whole.consumption());
                assertThat(parts.totalEnergy()).isEqualByComparingTo(whole.energy());
            }
        });
    }

    @Test
    void consumptionIsNeverNegative() {
        qt().withExamples(EXAMPLES).forAll(partitioned()).checkAssert(x ->
                ConsumptionByPeriod.of(x.curve(), x.periods(), x.series().factor()).periods().stream()
                        .filter(PeriodConsumption::hasValue)
                        .forEach(p -> assertThat(p.consumption().signum()).as("%s", p).isGreaterThanOrEqualTo(0)));
    }

    @Test
    void interpolatedValuesLieBetweenTheirNeighbouringReadings() {
        qt().withExamples(EXAMPLES).forAll(partitioned()).checkAssert(x -> {
            ConsumptionCurve curve = x.curve();
            List<SeriesPoint> plausible = curve.points();
            for (Period p : x.periods()) {
                curve.at(p.start()).filter(v -> v.kind() == Kind.INTERPOLATED).ifPresent(v -> {
                    SeriesPoint before = plausible.stream().filter(q -> q.timestamp().isBefore(v.at())).reduce((a, b) -> b).orElseThrow();
                    SeriesPoint after = plausible.stream().filter(q -> q.timestamp().isAfter(v.at())).findFirst().orElseThrow();
                    BigDecimal lowCumulative = curve.at(before.timestamp()).orElseThrow().cumulative();
                    BigDecimal highCumulative = curve.at(after.timestamp()).orElseThrow().cumulative();
                    assertThat(v.cumulative()).isBetween(lowCumulative, highCumulative);
                    if (after.value().compareTo(before.value()) >= 0) {
                        assertThat(v.register()).isBetween(before.value(), after.value());
                    } else {
                        // across a wrap: on the way up to the capacity, or on the way up from zero
                        assertThat(v.register().compareTo(before.value()) >= 0 || v.register().compareTo(after.value()) <= 0)
                                .as("%s between %s and %s across the wrap", v.register(), before.value(), after.value()).isTrue();
                        assertThat(v.register()).isLessThan(AcceptedSeries.CAPACITY);
                    }
                });
            }
        });
    }

    /**
     * A series of one segment written with {@code skip_validation}: any values, drops included, no
     * capacity. Consumption must follow the register's net movement, never invent any.
     */
    private static Gen<Partitioned> skippedValidation() {
        return in -> {
            io.metering.domain.meter.Meter meter = io.metering.domain.fixtures.Fixtures.powerMeter().build();
            io.metering.domain.counter.Counter counter = io.metering.domain.fixtures.Fixtures.consumptionCounter(meter).build();
            int n = AcceptedSeries.pick(in, 2, 30);
            List<SeriesPoint> points = new ArrayList<>();
            Instant t = AcceptedSeries.BASE;
            for (int i = 0; i < n; i++) {
                points.add(new SeriesPoint(t, AcceptedSeries.decimal(in, 2000), false, false));
                t = t.plusSeconds(AcceptedSeries.pick(in, 60, 3 * 86_400));
            }
            AcceptedSeries s = new AcceptedSeries(counter, points, BigDecimal.ONE);
            List<Instant> cuts = new ArrayList<>(AcceptedSeries.instantsAround(in, s, AcceptedSeries.pick(in, 2, 10)));
            cuts.removeIf(c -> c.isBefore(s.first()) || c.isAfter(s.last()));
            cuts.add(0, s.first());
            cuts.add(s.last());
            List<Instant> distinct = new ArrayList<>(new java.util.TreeSet<>(cuts));
            List<Period> periods = new ArrayList<>();
            for (int i = 1; i < distinct.size(); i++) {
                periods.add(new Period(distinct.get(i - 1), distinct.get(i)));
            }
            return new Partitioned(s, periods);
        };
    }

    @Test
    void aSeriesWithDecreasesSumsToLastMinusFirstAndOnlyFlaggedPeriodsGoNegative() {
        qt().withExamples(EXAMPLES).forAll(skippedValidation()).checkAssert(x -> {
            List<SeriesPoint> pts = x.series().points();
            ConsumptionTable parts = ConsumptionByPeriod.of(x.curve(), x.periods(), BigDecimal.ONE);

            assertThat(parts.periodsWithoutValue()).isZero();
            // the sum of the relative values, i.e. the register's net movement
            assertThat(parts.totalConsumption()).isEqualByComparingTo(pts.get(pts.size() - 1).value().subtract(pts.get(0).value()));
            for (PeriodConsumption p : parts.periods()) {
                if (p.consumption().signum() < 0) {
                    assertThat(p.decreasing()).as("%s", p).isTrue();
                }
                if (!p.decreasing()) {
                    // no drop inside: exactly what the register shows at the boundaries
                    assertThat(p.consumption()).as("%s", p).isEqualByComparingTo(p.end().register().subtract(p.start().register()));
                }
            }
        });
    }

    @Test
    void acceptedSeriesNeverFlagADecrease() {
        qt().withExamples(EXAMPLES).forAll(partitioned()).checkAssert(x ->
                ConsumptionByPeriod.of(x.curve(), x.periods(), x.series().factor()).periods()
                        .forEach(p -> assertThat(p.decreasing()).as("%s", p).isFalse()));
    }

    @Test
    void theEnergyFactorIsAppliedOnce() {
        qt().withExamples(EXAMPLES).forAll(partitioned()).checkAssert(x -> {
            ConsumptionTable t = ConsumptionByPeriod.of(x.curve(), x.periods(), x.series().factor());
            ConsumptionTable raw = ConsumptionByPeriod.of(x.curve(), x.periods(), BigDecimal.ONE);
            for (int i = 0; i < t.periods().size(); i++) {
                PeriodConsumption p = t.periods().get(i);
                if (p.hasValue()) {
                    assertThat(p.consumption()).as("the register consumption carries no factor")
                            .isEqualByComparingTo(raw.periods().get(i).consumption());
                    assertThat(p.energy()).isEqualByComparingTo(p.consumption().multiply(x.series().factor()));
                }
            }
            if (t.totalConsumption() != null) {
                assertThat(t.totalEnergy()).isEqualByComparingTo(t.totalConsumption().multiply(x.series().factor()));
            }
        });
    }

    @Test
    void daysAndMonthsOfOneSpanAddUpToTheSameTotal() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        qt().withExamples(200).forAll(AcceptedSeries.series()).checkAssert(s -> {
            ConsumptionCurve curve = ConsumptionCurve.of(s.points(), s.capacity());
            Instant first = curve.points().get(0).timestamp();
            Instant last = curve.points().get(curve.points().size() - 1).timestamp();
            if (!last.isAfter(first)) {
                return;
            }
            // from the first to the last plausible reading: every period has a value
            Period span = new Period(first, last);
            ConsumptionTable days = ConsumptionByPeriod.of(curve, CalendarPeriods.split(span, Interval.DAY, berlin, 1000), s.factor());
            ConsumptionTable months = ConsumptionByPeriod.of(curve, CalendarPeriods.split(span, Interval.MONTH, berlin, 1000), s.factor());
            ConsumptionTable whole = ConsumptionByPeriod.of(curve, List.of(span), s.factor());

            assertThat(days.periodsWithoutValue()).isZero();
            assertThat(days.totalConsumption()).isEqualByComparingTo(whole.totalConsumption());
            assertThat(months.totalConsumption()).isEqualByComparingTo(whole.totalConsumption());
        });
    }
}
