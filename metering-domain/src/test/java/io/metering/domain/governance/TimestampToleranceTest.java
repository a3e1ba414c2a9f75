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
    void exact_means_millisecond_equality() {
        TimestampTolerance exact = new TimestampTolerance.Exact();
        assertThat(exact.matches(t("2024-05-01T08:00:00Z"), t("2024-05-01T08:00:00.000Z"))).isTrue();
        assertThat(exact.matches(t("2024-05-01T08:00:00Z"), t("2024-05-01T08:00:00.001Z"))).isFalse();
    }

    @Test
    void same_day_in_utc_spans_midnight_to_midnight_utc() {
        TimestampTolerance utc = TimestampTolerance.SameDay.utc();
        assertThat(utc.matches(t("2024-05-01T00:00:00Z"), t("2024-05-01T23:59:59.999Z"))).isTrue();
        assertThat(utc.matches(t("2024-05-01T23:59:59.999Z"), t("2024-05-02T00:00:00Z"))).isFalse();
    }

    @Test
    void a_date_only_echo_at_midnight_utc_matches_a_reading_taken_that_day_in_utc() {
        TimestampTolerance utc = TimestampTolerance.SameDay.utc();
        assertThat(utc.matches(t("2024-05-01T16:42:10.512Z"), t("2024-05-01T00:00:00Z"))).isTrue();
    }

    @Test
    void same_day_in_berlin_winter_starts_at_23_00_utc() {
        TimestampTolerance berlin = new TimestampTolerance.SameDay(BERLIN);
        // 23:30 UTC on Jan 1st is 00:30 on Jan 2nd in Berlin
        assertThat(berlin.matches(t("2024-01-01T23:30:00Z"), t("2024-01-02T12:00:00Z"))).isTrue();
        assertThat(berlin.matches(t("2024-01-01T22:59:59.999Z"), t("2024-01-01T23:00:00Z"))).isFalse();
        // the same pair in UTC is the other way round
        assertThat(TimestampTolerance.SameDay.utc().matches(t("2024-01-01T23:30:00Z"), t("2024-01-02T12:00:00Z"))).isFalse();
        assertThat(TimestampTolerance.SameDay.utc().matches(t("2024-01-01T22:59:59.999Z"), t("2024-01-01T23:00:00Z"))).isTrue();
    }

    @Test
    void same_day_in_berlin_summer_starts_at_22_00_utc() {
        TimestampTolerance berlin = new TimestampTolerance.SameDay(BERLIN);
        assertThat(berlin.matches(t("2024-06-30T22:00:00Z"), t("2024-07-01T21:59:59.999Z"))).isTrue();
        assertThat(berlin.matches(t("2024-06-30T21:59:59.999Z"), t("2024-06-30T22:00:00Z"))).isFalse();
    }

    @Test
    void within_seconds_includes_both_bounds() {
        TimestampTolerance minute = new TimestampTolerance.WithinSeconds(60);
        Instant proposed = t("2024-05-01T08:00:00Z");
        assertThat(minute.matches(proposed, t("2024-05-01T08:01:00Z"))).isTrue();
        assertThat(minute.matches(proposed, t("2024-05-01T07:59:00Z"))).isTrue();
        assertThat(minute.matches(proposed, t("2024-05-01T08:01:00.001Z"))).isFalse();
        assertThat(minute.matches(proposed, t("2024-05-01T07:58:59.999Z"))).isFalse();
    }

    @Test
    void within_zero_seconds_is_exact() {
        TimestampTolerance zero = new TimestampTolerance.WithinSeconds(0);
        assertThat(zero.matches(t("2024-05-01T08:00:00Z"), t("2024-05-01T08:00:00Z"))).isTrue();
        assertThat(zero.matches(t("2024-05-01T08:00:00Z"), t("2024-05-01T08:00:00.001Z"))).isFalse();
    }

    @Test
    void a_negative_window_is_refused() {
        assertThatThrownBy(() -> new TimestampTolerance.WithinSeconds(-1))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER));
    }
}
