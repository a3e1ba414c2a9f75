package io.metering.domain.consumption;

import static io.metering.domain.consumption.Points.NO_CAPACITY;
import static io.metering.domain.consumption.Points.at;
import static io.metering.domain.consumption.Points.capacity;
import static io.metering.domain.consumption.Points.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The forecast: the latest value plus the average rate times the time since. */
class ForecastRuleTest {
    private final RateWindow tenPerDay = RateWindow.endingAt(p("2024-01-11T00:00:00Z", "200"),
            List.of(p("2024-01-01T00:00:00Z", "100"), p("2024-01-06T00:00:00Z", "170")), NO_CAPACITY);

    @Test
    void extrapolatesTheAverageRateFromTheLatestReading() {
        // 100 over 10 days; 3.5 days after the latest reading: 200 + 35
        assertThat(ForecastRule.extrapolate(tenPerDay, at("2024-01-14T12:00:00Z"))).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("235"));
        assertThat(ForecastRule.extrapolate(tenPerDay, at("2024-01-11T00:00:00Z"))).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("200"));
    }

    @Test
    void roundsHalfEvenAtSixDecimalPlaces() {
        // 10 per day, 8 hours: 3.333333...
        assertThat(ForecastRule.extrapolate(tenPerDay, at("2024-01-11T08:00:00Z"))).contains(new java.math.BigDecimal("203.333333"));
    }

    @Test
    void aRollingRegisterWrapsInTheForecastToo() {
        RateWindow w = RateWindow.endingAt(p("2024-01-02T00:00:00Z", "990"), List.of(p("2024-01-01T00:00:00Z", "980")), capacity("1000"));

        // 990 + 3 x 10 = 1020, shown as 20
        assertThat(ForecastRule.extrapolate(w, at("2024-01-05T00:00:00Z"))).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("20"));
    }

    @Test
    void noForecastWhileHistoryIsTooShort() {
        RateWindow hours = RateWindow.endingAt(p("2024-01-01T12:00:00Z", "12"), List.of(p("2024-01-01T00:00:00Z", "10")), NO_CAPACITY);

        assertThat(ForecastRule.extrapolate(hours, at("2024-02-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void refusesATargetInsideTheRecordedHistory() {
        assertThatThrownBy(() -> ForecastRule.extrapolate(tenPerDay, at("2024-01-10T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
