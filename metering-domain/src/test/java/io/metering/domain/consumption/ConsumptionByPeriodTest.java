package io.metering.domain.consumption;

import static io.metering.domain.consumption.Points.NO_CAPACITY;
import static io.metering.domain.consumption.Points.at;
import static io.metering.domain.consumption.Points.capacity;
import static io.metering.domain.consumption.Points.meterChange;
import static io.metering.domain.consumption.Points.p;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.consumption.BoundaryValue.Kind;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.fixtures.Fixtures;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Consumption by period with hand-computed expectations (docs/domain.md#terms, "Reading the series"). */
class ConsumptionByPeriodTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static ConsumptionTable table(List<SeriesPoint> points, Optional<RegisterCapacity> capacity, String from, String to,
            Interval interval, BigDecimal factor) {
        List<Period> periods = CalendarPeriods.split(new Period(at(from), at(to)), interval, BERLIN, 1000);
        return ConsumptionByPeriod.of(ConsumptionCurve.of(points, capacity), periods, factor);
    }

    private static Counter counter(java.util.function.UnaryOperator<Counter.Builder> customize) {
        Meter meter = Fixtures.powerMeter().build();
        return customize.apply(Fixtures.bareCounter(meter)).build();
    }

    @Test
    void aGasCounterInCubicMetresBillsKilowattHoursThroughItsConversionFactor() {
        // z-number 0.9536 x calorific value 11.2 kWh/m3, folded into one factor
        Counter gas = counter(b -> b.unit("m3").conversionFactor(new BigDecimal("10.68032")));
        List<SeriesPoint> readings = List.of(p("2023-12-31T23:00:00Z", "1000.000"), p("2024-01-31T23:00:00Z", "1150.500"));

        ConsumptionTable t = table(readings, gas.capacity(), "2023-12-31T23:00:00Z", "2024-01-31T23:00:00Z", Interval.MONTH,
                gas.energyFactor());

        PeriodConsumption january = t.periods().get(0);
        assertThat(january.start().kind()).isEqualTo(Kind.READING);
        assertThat(january.end().kind()).isEqualTo(Kind.READING);
        assertThat(january.consumption()).isEqualByComparingTo("150.5");
        // 150.5 x 10.68032
        assertThat(january.energy()).isEqualByComparingTo("1607.38816");
    }

    @Test
    void anElectricityCounterWithTransformerRatio40BillsFortyTimesTheRegister() {
        Counter ct = counter(b -> b.unit("kWh").transformerRatio(new BigDecimal("40")));
        List<SeriesPoint> readings = List.of(p("2024-02-29T23:00:00Z", "2000.25"), p("2024-03-01T23:00:00Z", "2012.75"));

        ConsumptionTable t = table(readings, ct.capacity(), "2024-02-29T23:00:00Z", "2024-03-01T23:00:00Z", Interval.DAY,
                ct.energyFactor());

        assertThat(t.periods()).hasSize(1);
        assertThat(t.periods().get(0).consumption()).isEqualByComparingTo("12.5");
        assertThat(t.periods().get(0).energy()).isEqualByComparingTo("500");
        assertThat(t.totalEnergy()).isEqualByComparingTo("500");
    }

    @Test
    void aFiveDigitWaterRegisterWrappingFrom99993To00013Consumed20() {
        List<SeriesPoint> readings = List.of(p("2024-05-01T06:00:00Z", "99993"), p("2024-05-02T06:00:00Z", "13"));

        ConsumptionTable t = table(readings, capacity("100000"), "2024-05-01T06:00:00Z", "2024-05-02T06:00:00Z", Interval.PERIOD,
                BigDecimal.ONE);

        PeriodConsumption p = t.periods().get(0);
        assertThat(p.start().register()).isEqualByComparingTo("99993");
        assertThat(p.end().register()).isEqualByComparingTo("13");
        assertThat(p.consumption()).isEqualByComparingTo("20");
    }

    @Test
    void aMeterChangeInsideTheMonthAddsTheOldMetersPartAndTheNewMetersPart() {
        // old meter 5000 -> 5140 until the change on January 15th, new meter 0 -> 170 after it
        List<SeriesPoint> readings = List.of(p("2023-12-31T23:00:00Z", "5000"), p("2024-01-15T10:00:00Z", "5140"),
                meterChange("2024-01-15T10:30:00Z", "0"), p("2024-01-31T23:00:00Z", "170"));

        ConsumptionTable t = table(readings, NO_CAPACITY, "2023-12-31T23:00:00Z", "2024-01-31T23:00:00Z", Interval.MONTH,
                BigDecimal.ONE);

        PeriodConsumption january = t.periods().get(0);
        assertThat(january.start().register()).isEqualByComparingTo("5000");
        assertThat(january.end().register()).isEqualByComparingTo("170");
        assertThat(january.consumption()).as("140 + 170, never 170 - 5000").isEqualByComparingTo("310");
    }

    @Test
    void aMonthBetweenReadingsThatMissItsBoundariesTakesInterpolatedBoundaryValues() {
        // 10 per day throughout; Berlin's February runs from 2024-01-31T23:00Z to 2024-02-29T23:00Z
        List<SeriesPoint> readings = List.of(p("2024-01-21T00:00:00Z", "100"), p("2024-02-10T00:00:00Z", "300"),
                p("2024-03-02T00:00:00Z", "510"));

        ConsumptionTable t = table(readings, NO_CAPACITY, "2023-12-31T23:00:00Z", "2024-03-31T22:00:00Z", Interval.MONTH,
                BigDecimal.ONE);

        assertThat(t.periods()).hasSize(3);
        PeriodConsumption january = t.periods().get(0);
        PeriodConsumption february = t.periods().get(1);
        PeriodConsumption march = t.periods().get(2);
        // 100 + 200 x 263 h / 480 h = 209.583333..., HALF_EVEN at 6 places
        assertThat(february.start().register()).isEqualTo("209.583333");
        assertThat(february.start().kind()).isEqualTo(Kind.INTERPOLATED);
        // 300 + 210 x 479 h / 504 h = 499.583333...
        assertThat(february.end().register()).isEqualTo("499.583333");
        assertThat(february.consumption()).isEqualByComparingTo("290");
        assertThat(january.consumption()).as("no reading before January 1st").isNull();
        assertThat(january.start()).isNull();
        assertThat(january.end()).isSameAs(february.start());
        assertThat(march.consumption()).as("no reading after March 31st").isNull();
        assertThat(t.totalConsumption()).isEqualByComparingTo("290");
        assertThat(t.periodsWithoutValue()).isEqualTo(2);
    }

    @Test
    void hourlyReadingsGive23KilowattHoursOnTheSpringDayAnd25OnTheAutumnDay() {
        ConsumptionTable spring = table(hourly("2025-03-28T12:00:00Z", 96), NO_CAPACITY, "2025-03-28T23:00:00Z",
                "2025-03-31T22:00:00Z", Interval.DAY, BigDecimal.ONE);
        ConsumptionTable autumn = table(hourly("2025-10-24T12:00:00Z", 96), NO_CAPACITY, "2025-10-24T22:00:00Z",
                "2025-10-27T23:00:00Z", Interval.DAY, BigDecimal.ONE);

        assertThat(spring.periods()).extracting(PeriodConsumption::consumption).map(BigDecimal::intValueExact)
                .containsExactly(24, 23, 24);
        assertThat(autumn.periods()).extracting(PeriodConsumption::consumption).map(BigDecimal::intValueExact)
                .containsExactly(24, 25, 24);
    }

    @Test
    void aPeriodWithoutReadingsAroundItHasNoValueAndNoTotal() {
        ConsumptionTable t = table(List.of(p("2024-06-01T00:00:00Z", "10")), NO_CAPACITY, "2024-01-01T00:00:00Z",
                "2024-01-02T00:00:00Z", Interval.PERIOD, BigDecimal.ONE);

        assertThat(t.periods().get(0).hasValue()).isFalse();
        assertThat(t.totalConsumption()).isNull();
        assertThat(t.totalEnergy()).isNull();
    }

    /** One kWh per hour: {@code count} readings one hour apart from {@code first}. */
    private static List<SeriesPoint> hourly(String first, int count) {
        List<SeriesPoint> out = new ArrayList<>();
        Instant t = at(first);
        for (int i = 0; i < count; i++) {
            out.add(new SeriesPoint(t.plusSeconds(3600L * i), BigDecimal.valueOf(1000 + i), false, false));
        }
        return out;
    }
}
