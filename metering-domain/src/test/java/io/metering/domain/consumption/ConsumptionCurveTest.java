package io.metering.domain.consumption;

import static io.metering.domain.consumption.Points.NO_CAPACITY;
import static io.metering.domain.consumption.Points.at;
import static io.metering.domain.consumption.Points.capacity;
import static io.metering.domain.consumption.Points.implausible;
import static io.metering.domain.consumption.Points.meterChange;
import static io.metering.domain.consumption.Points.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.consumption.BoundaryValue.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Register values and consumption so far at any instant, with hand-computed expectations. */
class ConsumptionCurveTest {

    @Test
    void aReadingAtTheInstantIsTakenAsItIs() {
        ConsumptionCurve curve = ConsumptionCurve.of(List.of(p("2024-01-01T00:00:00Z", "100.5"), p("2024-01-11T00:00:00Z", "200")), NO_CAPACITY);

        BoundaryValue v = curve.at(at("2024-01-01T00:00:00Z")).orElseThrow();

        assertThat(v.kind()).isEqualTo(Kind.READING);
        assertThat(v.estimated()).isFalse();
        assertThat(v.register()).isEqualByComparingTo("100.5");
        assertThat(v.cumulative()).isEqualByComparingTo("0");
        assertThat(curve.at(at("2024-01-11T00:00:00Z")).orElseThrow().cumulative()).isEqualByComparingTo("99.5");
    }

    @Test
    void betweenTwoReadingsTheValueIsInterpolatedLinearlyInTime() {
        ConsumptionCurve curve = ConsumptionCurve.of(List.of(p("2024-01-01T00:00:00Z", "100"), p("2024-01-11T00:00:00Z", "200")), NO_CAPACITY);

        // 2.5 of 10 days: 100 + 100 x 0.25
        BoundaryValue v = curve.at(at("2024-01-03T12:00:00Z")).orElseThrow();

        assertThat(v.kind()).isEqualTo(Kind.INTERPOLATED);
        assertThat(v.register()).isEqualByComparingTo("125");
        assertThat(v.cumulative()).isEqualByComparingTo("25");
    }

    @Test
    void interpolatedValuesRoundHalfEvenAtSixDecimalPlaces() {
        ConsumptionCurve curve = ConsumptionCurve.of(List.of(p("2024-01-01T00:00:00Z", "0"), p("2024-01-01T03:00:00Z", "1")), NO_CAPACITY);

        assertThat(curve.at(at("2024-01-01T01:00:00Z")).orElseThrow().register()).isEqualTo("0.333333");
        assertThat(curve.at(at("2024-01-01T02:00:00Z")).orElseThrow().register()).isEqualTo("0.666667");
    }

    @Test
    void readingsWithMoreDecimalsKeepTheirScaleSoTheEstimateStaysBetweenThem() {
        ConsumptionCurve curve = ConsumptionCurve.of(
                List.of(p("2024-01-01T00:00:00Z", "1.00000001"), p("2024-01-01T01:00:00Z", "1.00000002")), NO_CAPACITY);

        // d = 0.00000001 x 1/2 = 0.000000005 at scale 8: the tie goes to the even neighbour, 0
        assertThat(curve.at(at("2024-01-01T00:30:00Z")).orElseThrow().register()).isEqualTo("1.00000001");
        // d = 0.00000001 x 3/4 = 0.0000000075 rounds up
        assertThat(curve.at(at("2024-01-01T00:45:00Z")).orElseThrow().register()).isEqualTo("1.00000002");
    }

    @Test
    void aFiveDigitRegisterWrappingFrom99993To13Consumes20() {
        ConsumptionCurve curve = ConsumptionCurve.of(List.of(p("2024-01-01T00:00:00Z", "99993"), p("2024-01-01T10:00:00Z", "13")),
                capacity("100000"));

        assertThat(curve.at(at("2024-01-01T10:00:00Z")).orElseThrow().cumulative()).isEqualByComparingTo("20");
        // 2 of 10 hours: 99993 + 4, still below the capacity
        assertThat(curve.at(at("2024-01-01T02:00:00Z")).orElseThrow().register()).isEqualByComparingTo("99997");
        // 5 of 10 hours: 99993 + 10 = 100003, which the register shows as 3
        BoundaryValue half = curve.at(at("2024-01-01T05:00:00Z")).orElseThrow();
        assertThat(half.register()).isEqualByComparingTo("3");
        assertThat(half.cumulative()).isEqualByComparingTo("10");
    }

    @Test
    void nothingIsInterpolatedAcrossAMeterChangeTheLastValueIsCarried() {
        ConsumptionCurve curve = ConsumptionCurve.of(List.of(p("2024-01-01T00:00:00Z", "500"), p("2024-01-11T00:00:00Z", "600"),
                meterChange("2024-01-21T00:00:00Z", "0"), p("2024-01-31T00:00:00Z", "50")), NO_CAPACITY);

        BoundaryValue gap = curve.at(at("2024-01-16T00:00:00Z")).orElseThrow();
        assertThat(gap.kind()).isEqualTo(Kind.CARRIED);
        assertThat(gap.register()).isEqualByComparingTo("600");
        assertThat(gap.cumulative()).isEqualByComparingTo("100");
        assertThat(curve.at(at("2024-01-21T00:00:00Z")).orElseThrow().cumulative()).as("no consumption spans the break")
                .isEqualByComparingTo("100");
        BoundaryValue newMeter = curve.at(at("2024-01-26T00:00:00Z")).orElseThrow();
        assertThat(newMeter.kind()).isEqualTo(Kind.INTERPOLATED);
        assertThat(newMeter.register()).isEqualByComparingTo("25");
        assertThat(newMeter.cumulative()).isEqualByComparingTo("125");
    }

    @Test
    void aDropStoredWithoutValidationIsANegativeAdvanceSoTheSpanMovesByLastMinusFirst() {
        // 1140, then 900 stored with skip_validation, then 1150: relative values -240 and +250
        ConsumptionCurve curve = ConsumptionCurve.of(List.of(p("2024-01-01T00:00:00Z", "1140"), p("2024-01-02T00:00:00Z", "900"),
                p("2024-01-03T00:00:00Z", "1150")), NO_CAPACITY);

        BoundaryValue midDrop = curve.at(at("2024-01-01T12:00:00Z")).orElseThrow();
        assertThat(midDrop.kind()).isEqualTo(Kind.INTERPOLATED);
        assertThat(midDrop.register()).isEqualByComparingTo("1020");
        assertThat(midDrop.cumulative()).isEqualByComparingTo("-120");
        assertThat(curve.at(at("2024-01-02T00:00:00Z")).orElseThrow().cumulative()).isEqualByComparingTo("-240");
        assertThat(curve.at(at("2024-01-03T00:00:00Z")).orElseThrow().cumulative()).isEqualByComparingTo("10");
        assertThat(curve.decreasesWithin(at("2024-01-01T23:00:00Z"), at("2024-01-02T01:00:00Z"))).isTrue();
        assertThat(curve.decreasesWithin(at("2024-01-02T00:00:00Z"), at("2024-01-03T00:00:00Z"))).isFalse();
    }

    @Test
    void aDecreaseIsCountedByPeriodAndFlaggedNeverTurnedIntoConsumption() {
        // the newcomer's case: 1120, 1140, 900 (skip_validation), 1150 at noon on four days; register moved 30
        ConsumptionCurve curve = ConsumptionCurve.of(List.of(p("2024-01-01T12:00:00Z", "1120"), p("2024-01-02T12:00:00Z", "1140"),
                p("2024-01-03T12:00:00Z", "900"), p("2024-01-04T12:00:00Z", "1150")), NO_CAPACITY);
        List<Period> days = List.of(new Period(at("2024-01-02T00:00:00Z"), at("2024-01-03T00:00:00Z")),
                new Period(at("2024-01-03T00:00:00Z"), at("2024-01-04T00:00:00Z")),
                new Period(at("2024-01-04T00:00:00Z"), at("2024-01-04T12:00:00Z")));

        ConsumptionTable t = ConsumptionByPeriod.of(curve, days, java.math.BigDecimal.ONE);

        assertThat(t.periods().get(0).consumption()).isEqualByComparingTo("-110"); // 1130 -> 1020
        assertThat(t.periods().get(0).decreasing()).isTrue();
        assertThat(t.periods().get(1).consumption()).isEqualByComparingTo("5"); // 1020 -> 1025
        assertThat(t.periods().get(1).decreasing()).isTrue();
        assertThat(t.periods().get(2).consumption()).isEqualByComparingTo("125");
        assertThat(t.periods().get(2).decreasing()).isFalse();
        assertThat(t.totalConsumption()).isEqualByComparingTo("20"); // 1150 - 1130
    }

    @Test
    void implausibleReadingsTakeNoPart() {
        ConsumptionCurve curve = ConsumptionCurve.of(List.of(p("2024-01-01T00:00:00Z", "100"),
                implausible("2024-01-02T00:00:00Z", "100000"), p("2024-01-03T00:00:00Z", "120")), NO_CAPACITY);

        BoundaryValue v = curve.at(at("2024-01-02T00:00:00Z")).orElseThrow();
        assertThat(v.kind()).isEqualTo(Kind.INTERPOLATED);
        assertThat(v.register()).isEqualByComparingTo("110");
    }

    @Test
    void thereIsNoValueBeforeTheFirstOrAfterTheLastReading() {
        ConsumptionCurve curve = ConsumptionCurve.of(List.of(p("2024-01-01T00:00:00Z", "100"), p("2024-01-03T00:00:00Z", "120")), NO_CAPACITY);

        assertThat(curve.at(at("2023-12-31T23:59:59.999Z"))).isEmpty();
        assertThat(curve.at(at("2024-01-03T00:00:00.001Z"))).isEmpty();
        assertThat(ConsumptionCurve.of(List.of(), NO_CAPACITY).at(at("2024-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void pointsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> ConsumptionCurve.of(List.of(p("2024-01-03T00:00:00Z", "1"), p("2024-01-01T00:00:00Z", "2")), NO_CAPACITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
