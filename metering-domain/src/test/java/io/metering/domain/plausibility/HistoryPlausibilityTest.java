package io.metering.domain.plausibility;

import static io.metering.domain.plausibility.PlausibilityRuleTest.NO_CAPACITY;
import static io.metering.domain.plausibility.PlausibilityRuleTest.key;
import static io.metering.domain.plausibility.PlausibilityRuleTest.p;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.reading.PlausibilityQuestion;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The plausibility policy over a history held in memory, as another service would use it without
 * the application: the Liander export register's first days (docs/domain.md#plausibility-formula).
 */
class HistoryPlausibilityTest {
    private final SeriesKey feedIn = key();
    private final SeriesKey feedOut = key();
    /** Feed-in: zero, then 0.747 on November 7th; feed-out: 6.5 kWh a day. */
    private final Map<SeriesKey, List<SeriesPoint>> stored = Map.of(
            feedIn, List.of(p("2023-11-05T00:00:00Z", "0"), p("2023-11-06T00:00:00Z", "0"), p("2023-11-07T00:00:00Z", "0.747")),
            feedOut, List.of(p("2023-11-01T00:00:00Z", "1000"), p("2023-11-05T00:00:00Z", "1026"), p("2023-11-08T00:00:00Z", "1045.5")));
    private final AtomicInteger historyReads = new AtomicInteger();
    private final AtomicInteger otherReads = new AtomicInteger();

    private List<SeriesPoint> newestFirst(SeriesKey series, Instant t) {
        return stored.get(series).stream().filter(x -> !x.timestamp().isAfter(t)).sorted(Comparator.comparing(SeriesPoint::timestamp).reversed())
                .toList();
    }

    private HistoryPlausibility policy(boolean withOtherRegisters) {
        return new HistoryPlausibility((series, t, limit) -> {
            historyReads.incrementAndGet();
            return newestFirst(series, t);
        }, withOtherRegisters ? (series, t) -> {
            otherReads.incrementAndGet();
            return List.of(new RegisterHistory(feedOut, newestFirst(feedOut, t), NO_CAPACITY));
        } : HistoryPlausibility.OtherRegisters.NONE);
    }

    private static PlausibilityQuestion question(SeriesKey series, String t, SeriesPoint previous, SeriesPoint... written) {
        return new PlausibilityQuestion(series, NO_CAPACITY, Instant.parse(t), previous, List.of(written));
    }

    @Test
    void theMeterPaceLetsTheGenuineSecondDayPassWhichTheRegistersOwnHistoryReadsAsASlip() {
        PlausibilityQuestion secondDay = question(feedIn, "2023-11-08T00:00:00Z", p("2023-11-07T00:00:00Z", "0.747"));

        BigDecimal alone = policy(false).upperBound(secondDay).orElseThrow();
        BigDecimal withMeter = policy(true).upperBound(secondDay).orElseThrow();

        assertThat(alone).isLessThan(new BigDecimal("15.929"));
        // 3.1623 x (0.747 + 6.5 x 1 day)
        assertThat(withMeter).isEqualByComparingTo("22.917189").isGreaterThan(new BigDecimal("15.929"));
    }

    @Test
    void aWriteReadsEachSeriesHistoryOnceAndTheOtherRegistersOnlyWhereTheyCouldMatter() {
        HistoryPlausibility policy = policy(true);
        SeriesPoint secondDay = p("2023-11-08T00:00:00Z", "15.929");

        policy.upperBound(question(feedIn, "2023-11-08T00:00:00Z", p("2023-11-07T00:00:00Z", "0.747")));
        policy.upperBound(question(feedIn, "2023-11-09T00:00:00Z", secondDay, secondDay));
        // an established register: its advance bound is the lower one, the meter is not asked
        policy.upperBound(question(feedOut, "2023-11-09T00:00:00Z", p("2023-11-08T00:00:00Z", "1045.5")));

        assertThat(historyReads).hasValue(2);
        assertThat(otherReads).hasValue(2);
    }
}
