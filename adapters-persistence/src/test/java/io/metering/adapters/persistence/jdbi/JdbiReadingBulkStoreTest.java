package io.metering.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.adapters.persistence.SharedPostgres;
import io.metering.application.port.out.ReadingBulkStore;
import io.metering.application.port.out.SeriesSpan;
import io.metering.application.port.out.SpanNeighbours;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bulk path on PostgreSQL: what COPY stores, and what is found around spans. */
class JdbiReadingBulkStoreTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final PostgresPersistence p = SharedPostgres.persistence();
    private final OrganizationId org = new OrganizationId("bulk-" + UUID.randomUUID());
    private final MeterId meter = MeterId.random();
    private final CounterId counter = CounterId.random();
    private final SeriesKey series = new SeriesKey(counter, Direction.FEED_OUT);

    private Reading reading(int hour, String value, ReadingStatus status) {
        return new Reading(meter, counter, Direction.FEED_OUT, T0.plus(Duration.ofHours(hour)), new BigDecimal(value), ReadingSource.ERP,
                null, null, status, null, null, null, null, Map.of());
    }

    @Test
    void copyStoresEveryFieldExactly() {
        Reading odd = new Reading(meter, counter, Direction.FEED_IN, T0.plusMillis(123), new BigDecimal("1250.000000000001"),
                ReadingSource.JOURNEY_SUBMISSION, ReadingReason.METER_CHANGE, "tab\there", ReadingStatus.VALID, "ext\\1", "line\nbreak\r",
                "\\N is not null", "m³", Map.of("k", "v\t\"quoted\""));
        Reading plain = reading(1, "0", null);

        p.transactions().inTransaction(() -> {
            p.bulk().append(org, List.of(odd, plain));
            return null;
        });

        Map<ReadingKey, Reading> stored = p.readings().findByKeys(org, List.of(odd.key(), plain.key()));
        assertThat(stored).containsEntry(odd.key(), odd).containsEntry(plain.key(), plain);
    }

    @Test
    void aStoredKeyFailsTheCopy() {
        p.readings().insert(org, List.of(reading(1, "10", null)));

        assertThatThrownBy(() -> p.transactions().inTransaction(() -> {
            p.bulk().append(org, List.of(reading(2, "20", null), reading(1, "10", null)));
            return null;
        })).hasMessageContaining("reading_pkey");
        assertThat(p.readings().findByKeys(org, List.of(reading(2, "20", null).key()))).isEmpty();
    }

    @Test
    void anAppenderWritesBehindTheCallerAndHandsTheConnectionBackAtDrain() {
        p.transactions().inTransaction(() -> {
            ReadingBulkStore.Appender appender = p.bulk().openAppender(org);
            try (appender) {
                appender.add(List.of(reading(0, "1", null), reading(1, "2", null)));
                appender.add(List.of(reading(2, "3", ReadingStatus.IMPLAUSIBLE)));
                appender.drain();
                // the transaction's connection is the caller's again: the store answers with what was appended
                assertThat(p.bulk().around(org, List.of(span(5, 6))).get(series).before().orElseThrow().value())
                        .isEqualByComparingTo("2");
                appender.add(List.of(reading(3, "4", null)));
                appender.drain();
            }
            return null;
        });

        assertThat(p.readings().findByKeys(org, List.of(reading(0, "1", null).key(), reading(2, "3", null).key(),
                reading(3, "4", null).key()))).hasSize(3);
    }

    @Test
    void aRefusedBatchFailsTheAppendAndTheTransactionLeavesNothing() {
        p.readings().insert(org, List.of(reading(5, "10", null)));

        assertThatThrownBy(() -> p.transactions().inTransaction(() -> {
            try (ReadingBulkStore.Appender appender = p.bulk().openAppender(org)) {
                appender.add(List.of(reading(1, "1", null)));
                appender.add(List.of(reading(5, "10", null)));
                appender.add(List.of(reading(6, "11", null)));
                appender.drain();
            }
            return null;
        })).hasMessageContaining("reading_pkey");
        assertThat(p.readings().findByKeys(org, List.of(reading(1, "1", null).key(), reading(6, "11", null).key()))).isEmpty();
    }

    @Test
    void closingWithoutDrainAbandonsTheCopyAndTheTransactionRollsBack() {
        assertThatThrownBy(() -> p.transactions().inTransaction(() -> {
            try (ReadingBulkStore.Appender appender = p.bulk().openAppender(org)) {
                for (int h = 0; h < 200; h++) {
                    appender.add(List.of(reading(h, String.valueOf(h), null)));
                }
                throw new IllegalArgumentException("a later chunk is refused");
            }
        })).hasMessage("a later chunk is refused");

        assertThat(p.readings().findByKeys(org, List.of(reading(0, "0", null).key(), reading(199, "199", null).key()))).isEmpty();
        p.transactions().inTransaction(() -> {
            p.bulk().append(org, List.of(reading(0, "0", null)));
            return null;
        });
        assertThat(p.readings().findByKeys(org, List.of(reading(0, "0", null).key()))).hasSize(1);
    }

    @Test
    void findsThePlausibleReadingsAroundASpanAndWhetherOneLiesInside() {
        p.readings().insert(org, List.of(reading(0, "1", null), reading(1, "2", null), reading(2, "9", ReadingStatus.IMPLAUSIBLE),
                reading(10, "3", ReadingStatus.IMPLAUSIBLE), reading(12, "4", null), reading(20, "5", null)));
        SeriesKey empty = new SeriesKey(CounterId.random(), Direction.FEED_IN);

        Map<SeriesKey, SpanNeighbours> gap = p.bulk().around(org, List.of(span(3, 9), new SeriesSpan(empty, T0, T0)));
        Map<SeriesKey, SpanNeighbours> overlap = p.bulk().around(org, List.of(span(5, 10)));
        Map<SeriesKey, SpanNeighbours> edge = p.bulk().around(org, List.of(span(12, 12)));

        assertThat(gap.get(series).occupied()).isFalse();
        assertThat(gap.get(series).before().orElseThrow().value()).isEqualByComparingTo("2");
        assertThat(gap.get(series).after().orElseThrow().value()).isEqualByComparingTo("4");
        assertThat(gap.get(empty)).isEqualTo(SpanNeighbours.EMPTY);
        assertThat(overlap.get(series).occupied()).as("an implausible reading occupies the span too").isTrue();
        assertThat(edge.get(series).occupied()).isTrue();
        assertThat(edge.get(series).after().orElseThrow().value()).isEqualByComparingTo("5");
    }

    private SeriesSpan span(int fromHour, int toHour) {
        return new SeriesSpan(series, T0.plus(Duration.ofHours(fromHour)), T0.plus(Duration.ofHours(toHour)));
    }
}
