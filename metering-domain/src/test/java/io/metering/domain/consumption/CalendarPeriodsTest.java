package io.metering.domain.consumption;

import static io.metering.domain.consumption.Points.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calendar periods in a time zone, with the daylight saving days of Europe/Berlin. */
class CalendarPeriodsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static List<Period> split(String from, String to, Interval interval) {
        return CalendarPeriods.split(new Period(at(from), at(to)), interval, BERLIN, 1000);
    }

    @Test
    void theDayDaylightSavingTimeStartsHas23HoursAndTheDayItEnds25() {
        // 2025-03-29 .. 2025-03-31 local, then 2025-10-25 .. 2025-10-27 local
        List<Period> spring = split("2025-03-28T23:00:00Z", "2025-03-31T22:00:00Z", Interval.DAY);
        List<Period> autumn = split("2025-10-24T22:00:00Z", "2025-10-27T23:00:00Z", Interval.DAY);

        assertThat(spring).extracting(p -> Duration.between(p.start(), p.end()).toHours()).containsExactly(24L, 23L, 24L);
        assertThat(spring.get(1)).isEqualTo(new Period(at("2025-03-29T23:00:00Z"), at("2025-03-30T22:00:00Z")));
        assertThat(autumn).extracting(p -> Duration.between(p.start(), p.end()).toHours()).containsExactly(24L, 25L, 24L);
        assertThat(autumn.get(1)).isEqualTo(new Period(at("2025-10-25T22:00:00Z"), at("2025-10-26T23:00:00Z")));
    }

    @Test
    void monthsRunFromLocalMidnightToLocalMidnightAndTheSpanCutsTheFirstAndLast() {
        List<Period> months = split("2025-01-15T12:00:00Z", "2025-04-10T00:00:00Z", Interval.MONTH);

        assertThat(months).containsExactly(
                new Period(at("2025-01-15T12:00:00Z"), at("2025-01-31T23:00:00Z")),
                new Period(at("2025-01-31T23:00:00Z"), at("2025-02-28T23:00:00Z")),
                // March ends in summer time: local midnight of April 1st is 22:00 UTC
                new Period(at("2025-02-28T23:00:00Z"), at("2025-03-31T22:00:00Z")),
                new Period(at("2025-03-31T22:00:00Z"), at("2025-04-10T00:00:00Z")));
    }

    @Test
    void weeksAreIsoWeeksStartingOnMonday() {
        // Wednesday 2025-01-01 .. Monday 2025-01-13 local
        List<Period> weeks = split("2024-12-31T23:00:00Z", "2025-01-12T23:00:00Z", Interval.WEEK);

        assertThat(weeks).containsExactly(
                new Period(at("2024-12-31T23:00:00Z"), at("2025-01-05T23:00:00Z")),
                new Period(at("2025-01-05T23:00:00Z"), at("2025-01-12T23:00:00Z")));
    }

    @Test
    void yearsAndABillingPeriod() {
        assertThat(split("2023-06-01T00:00:00Z", "2025-03-01T00:00:00Z", Interval.YEAR)).extracting(Period::end)
                .containsExactly(at("2023-12-31T23:00:00Z"), at("2024-12-31T23:00:00Z"), at("2025-03-01T00:00:00Z"));
        assertThat(split("2023-06-01T00:00:00Z", "2025-03-01T00:00:00Z", Interval.PERIOD))
                .containsExactly(new Period(at("2023-06-01T00:00:00Z"), at("2025-03-01T00:00:00Z")));
    }

    @Test
    void morePeriodsThanAllowedAreRefused() {
        Period threeDays = new Period(at("2025-01-01T00:00:00Z"), at("2025-01-03T12:00:00Z"));

        assertThat(CalendarPeriods.split(threeDays, Interval.DAY, ZoneId.of("UTC"), 3)).hasSize(3);
        assertThatThrownBy(() -> CalendarPeriods.split(threeDays, Interval.DAY, ZoneId.of("UTC"), 2))
                .isInstanceOf(InvalidRequestException.class).extracting("reason").isEqualTo(RejectionReason.INVALID_PARAMETER);
    }
}
