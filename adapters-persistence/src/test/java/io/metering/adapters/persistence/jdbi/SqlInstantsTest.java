package io.metering.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Query bounds select exactly the stored whole-millisecond instants the comparison names. */
class SqlInstantsTest {
    private static final Instant T = Instant.parse("2024-03-31T01:59:59.123Z");

    @Test
    void wholeMillisecondsPassUnchanged() {
        assertThat(SqlInstants.ceiling(T)).isEqualTo("2024-03-31T01:59:59.123Z");
        assertThat(SqlInstants.floor(T)).isEqualTo("2024-03-31T01:59:59.123Z");
        assertThat(SqlInstants.stored(T)).isEqualTo("2024-03-31T01:59:59.123Z");
        assertThat(SqlInstants.isWholeMillisecond(T)).isTrue();
    }

    @Test
    void finerInstantsRoundTowardsTheSameSelection() {
        Instant finer = T.plusNanos(1);

        // ts >= finer  <=>  ts >= .124      ts <= finer  <=>  ts <= .123
        assertThat(SqlInstants.ceiling(finer)).isEqualTo("2024-03-31T01:59:59.124Z");
        assertThat(SqlInstants.floor(finer)).isEqualTo("2024-03-31T01:59:59.123Z");
        assertThat(SqlInstants.stored(finer.plusNanos(999_998))).isEqualTo("2024-03-31T01:59:59.123Z");
        assertThat(SqlInstants.isWholeMillisecond(finer)).isFalse();
        assertThat(SqlInstants.isWholeMillisecond(T.plusNanos(1_000))).isFalse();
    }

    @Test
    void instantsBeyondStorableYearsBecomeInfinities() {
        assertThat(SqlInstants.ceiling(Instant.MAX)).isEqualTo("infinity");
        assertThat(SqlInstants.floor(Instant.MAX)).isEqualTo("infinity");
        assertThat(SqlInstants.ceiling(Instant.MIN)).isEqualTo("-infinity");
        assertThat(SqlInstants.floor(Instant.parse("-0001-12-31T23:59:59Z"))).isEqualTo("-infinity");
        assertThat(SqlInstants.floor(Instant.parse("0001-01-01T00:00:00Z"))).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(SqlInstants.ceiling(Instant.parse("9999-12-31T23:59:59.999Z"))).isEqualTo("9999-12-31T23:59:59.999Z");
        assertThat(SqlInstants.ceiling(Instant.parse("9999-12-31T23:59:59.9991Z"))).isEqualTo("infinity");
    }
}
