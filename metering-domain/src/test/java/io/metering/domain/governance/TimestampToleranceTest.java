package io.metering.domain.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimestampToleranceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void exactMeansMillisecondEquality() {
        TimestampTolerance exact = new TimestampTolerance.Exact();
        assertThat(exact.matches(t("2024-05-01T08:00:00Z"), t("2024-05-01T08:00:00.000Z"))).isTrue();
        assertThat(exact.matches(t("2024-05-01T08:00:00Z"), t("2024-05-01T08:00:00.001Z"))).isFalse();
    }

    @Test
    void sameDayInUtcSpansMidnightToMidnightUtc() {
        TimestampTolerance utc = TimestampTolerance.SameDay.utc();
        assertThat(utc.matches(t("2024-05-01T00:00:00Z"), t("2024-05-01T23:59:59.999Z"))).isTrue();
        assertThat(utc.matches(t("2024-05-01T23:59:59.999Z"), t("2024-05-02T00:00:00Z"))).isFalse();
    }

    @Test
    void aDateOnlyEchoAtMidnightUtcMatchesAReadingTakenThatDayInUtc() {
        TimestampTolerance utc = TimestampTolerance.SameDay.utc();
        assertThat(utc.matches(t("2024-05-01T16:42:10.512Z"), t("2024-05-01T00:00:00Z"))).isTrue();
    }

    @Test
    void sameDayInBerlinWinterStartsAt2300Utc() {
        TimestampTolerance berlin = new TimestampTolerance.SameDay(BERLIN);
        // 23:30 UTC on Jan 1st is 00:30 on Jan 2nd in Berlin
        assertThat(berlin.matches(t("2024-01-01T23:30:00Z"), t("2024-01-02T12:00:00Z"))).isTrue();
        assertThat(berlin.matches(t("2024-01-01T22:59:59.999Z"), t("2024-01-01T23:00:00Z"))).isFalse();
        // the same pair in UTC is the other way round
        assertThat(TimestampTolerance.SameDay.utc().matches(t("2024-01-01T23:30:00Z"), t("2024-01-02T12:00:00Z"))).isFalse();
        assertThat(TimestampTolerance.SameDay.utc().matches(t("2024-01-01T22:59:59.999Z"), t("2024-01-01T23:00:00Z"))).isTrue();
    }

    @Test
    void sameDayInBerlinSummerStartsAt2200Utc() {
        TimestampTolerance berlin = new TimestampTolerance.SameDay(BERLIN);
        assertThat(berlin.matches(t("2024-06-30T22:00:00Z"), t("2024-07-01T21:59:59.999Z"))).isTrue();
        assertThat(berlin.matches(t("2024-06-30T21:59:59.999Z"), t("2024-06-30T22:00:00Z"))).isFalse();
    }

    @Test
    void withinSecondsIncludesBothBounds() {
        TimestampTolerance minute = new TimestampTolerance.WithinSeconds(60);
        Instant proposed = t("2024-05-01T08:00:00Z");
        assertThat(minute.matches(proposed, t("2024-05-01T08:01:00Z"))).isTrue();
        assertThat(minute.matches(proposed, t("2024-05-01T07:59:00Z"))).isTrue();
        assertThat(minute.matches(proposed, t("2024-05-01T08:01:00.001Z"))).isFalse();
        assertThat(minute.matches(proposed, t("2024-05-01T07:58:59.999Z"))).isFalse();
    }

    @Test
    void withinZeroSecondsIsExact() {
        TimestampTolerance zero = new TimestampTolerance.WithinSeconds(0);
        assertThat(zero.matches(t("2024-05-01T08:00:00Z"), t("2024-05-01T08:00:00Z"))).isTrue();
        assertThat(zero.matches(t("2024-05-01T08:00:00Z"), t("2024-05-01T08:00:00.001Z"))).isFalse();
    }

    @Test
    void aNegativeWindowIsRefused() {
        assertThatThrownBy(() -> new TimestampTolerance.WithinSeconds(-1))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER));
    }
}
