package io.metering.domain.consumption;

import static io.metering.domain.consumption.Points.NO_CAPACITY;
import static io.metering.domain.consumption.Points.at;
import static io.metering.domain.consumption.Points.p;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plausibility bound, computed by hand: previous + max(10 x active rate x max(dt, 30 days), previous). */
class PlausibilityRuleTest {
    private final RateWindow upToJanuary3rd = window(p("2024-01-03T00:00:00Z", "1020"),
            p("2024-01-01T00:00:00Z", "1000"), p("2024-01-02T00:00:00Z", "1010"));

    /** The window ending at {@code latest}, with the earlier points, oldest first, on a register without capacity. */
    private static RateWindow window(SeriesPoint latest, SeriesPoint... earlier) {
        return RateWindow.endingAt(latest, List.of(earlier), NO_CAPACITY);
    }

    private static void assertBound(RateWindow window, String instant, String expected) {
        assertThat(PlausibilityRule.upperBound(window, at(instant))).hasValueSatisfying(b -> assertThat(b).isEqualByComparingTo(expected));
    }

    private static void assertNoBound(RateWindow window, String instant) {
        assertThat(PlausibilityRule.upperBound(window, at(instant))).isEmpty();
    }

    @Test
    void a_day_later_the_bound_is_twice_the_previous_value_when_that_exceeds_ten_times_three_days_of_consumption() {
        // 1020 + max(10 x 10/day x 3 days, 1020) = 1020 + 1020
        assertBound(upToJanuary3rd, "2024-01-04T00:00:00Z", "2040");
    }

    @Test
    void on_a_young_register_a_day_later_the_bound_is_ten_times_three_days_of_consumption() {
        RateWindow young = window(p("2024-01-03T00:00:00Z", "40"), p("2024-01-01T00:00:00Z", "20"), p("2024-01-02T00:00:00Z", "30"));
        // 40 + max(10 x 10/day x 3 days, 40) = 340: a x10 slip of the next genuine value (at least 40) exceeds it
        assertBound(young, "2024-01-04T00:00:00Z", "340");
    }

    @Test
    void after_a_long_gap_the_bound_grows_with_the_gap() {
        // 60 days later: 1020 + 10 x 10 x 60
        assertBound(upToJanuary3rd, "2024-03-03T00:00:00Z", "7020");
    }

    @Test
    void a_watt_hour_value_on_a_kilowatt_hour_register_is_far_above_it() {
        // 1030 kWh sent as 1 030 000 Wh
        assertThat(PlausibilityRule.upperBound(upToJanuary3rd, at("2024-01-04T00:00:00Z")).orElseThrow())
                .isLessThan(new java.math.BigDecimal("1030000"));
    }

    @Test
    void a_register_that_stood_still_may_restart_up_to_doubling() {
        RateWindow summerGas = window(p("2024-08-31T00:00:00Z", "5000"), p("2024-07-01T00:00:00Z", "5000"), p("2024-08-01T00:00:00Z", "5000"));

        assertBound(summerGas, "2024-09-01T00:00:00Z", "10000");
    }

    @Test
    void a_register_at_zero_that_never_moved_gives_no_bound() {
        RateWindow unusedFeedIn = window(p("2023-11-06T00:00:00Z", "0"), p("2023-06-05T00:00:00Z", "0"));

        assertNoBound(unusedFeedIn, "2023-11-07T00:00:00Z");
    }

    @Test
    void a_register_that_just_started_is_judged_by_its_pace_since_it_started() {
        // Liander export register: 0 until November 6th, 0.747 on the 7th, 15.929 on the 8th
        RateWindow startedYesterday = window(p("2023-11-07T00:00:00Z", "0.747"), p("2023-06-05T00:00:00Z", "0"), p("2023-11-06T00:00:00Z", "0"));

        // 0.747 + 10 x 0.747/day x 3 days = 23.157: the genuine 15.929 of the next day lies below it
        assertBound(startedYesterday, "2023-11-08T00:00:00Z", "23.157");
    }

    @Test
    void no_bound_while_history_is_too_short() {
        RateWindow hours = window(p("2024-01-01T06:00:00Z", "1001"), p("2024-01-01T00:00:00Z", "1000"));

        assertNoBound(hours, "2024-01-02T00:00:00Z");
    }

    /** Validators skip the history for values at or below the least bound, so no bound may lie below it. */
    @Test
    void no_bound_lies_below_twice_the_previous_value() {
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
                    PlausibilityRule.upperBound(window, t.plus(Duration.ofHours(hoursLater))).ifPresent(bound ->
                            assertThat(bound).isGreaterThanOrEqualTo(PlausibilityRule.leastBound(previous)));
                });
    }
}
