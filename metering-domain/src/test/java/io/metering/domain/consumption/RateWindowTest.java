package io.metering.domain.consumption;

import static io.metering.domain.consumption.Points.NO_CAPACITY;
import static io.metering.domain.consumption.Points.at;
import static io.metering.domain.consumption.Points.capacity;
import static io.metering.domain.consumption.Points.implausible;
import static io.metering.domain.consumption.Points.meterChange;
import static io.metering.domain.consumption.Points.p;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which history a rate is measured on, and the two rates read from it. */
class RateWindowTest {

    @Test
    void oneReadingOrLessThanADayOfHistoryIsTooShort() {
        RateWindow alone = RateWindow.endingAt(p("2024-01-02T00:00:00Z", "10"), List.of(), NO_CAPACITY);
        RateWindow hours = RateWindow.endingAt(p("2024-01-01T23:59:59.999Z", "10"), List.of(p("2024-01-01T00:00:00Z", "1")), NO_CAPACITY);
        RateWindow day = RateWindow.endingAt(p("2024-01-02T00:00:00Z", "10"), List.of(p("2024-01-01T00:00:00Z", "1")), NO_CAPACITY);

        assertThat(alone.isTooShort()).isTrue();
        assertThat(alone.averageRate()).isEmpty();
        assertThat(hours.isTooShort()).isTrue();
        assertThat(hours.activeRate()).isEmpty();
        assertThat(day.isTooShort()).isFalse();
        assertThat(day.averageRate().orElseThrow().perDay()).isEqualByComparingTo("9");
    }

    @Test
    void theWindowStartsAtTheLatestSegmentStart() {
        RateWindow w = RateWindow.endingAt(p("2024-01-05T00:00:00Z", "15"), List.of(p("2024-01-01T00:00:00Z", "100"),
                p("2024-01-02T00:00:00Z", "110"), meterChange("2024-01-03T00:00:00Z", "0"), p("2024-01-04T00:00:00Z", "5")), NO_CAPACITY);

        assertThat(w.points()).extracting(SeriesPoint::timestamp).containsExactly(at("2024-01-03T00:00:00Z"),
                at("2024-01-04T00:00:00Z"), at("2024-01-05T00:00:00Z"));
        assertThat(w.advance()).isEqualByComparingTo("15");
        assertThat(w.averageRate().orElseThrow().perDay()).isEqualByComparingTo("7.5");
    }

    @Test
    void atMost200PointsAndNoneOlderThan365DaysBeforeTheAnchor() {
        List<SeriesPoint> daily = new ArrayList<>();
        Instant start = at("2023-01-01T00:00:00Z");
        for (int i = 0; i < 250; i++) {
            daily.add(new SeriesPoint(start.plus(Duration.ofDays(i)), BigDecimal.valueOf(i), false, false));
        }
        RateWindow many = RateWindow.endingAt(new SeriesPoint(start.plus(Duration.ofDays(250)), BigDecimal.valueOf(250), false, false),
                daily, NO_CAPACITY);
        RateWindow old = RateWindow.endingAt(p("2024-01-01T00:00:00Z", "210"), List.of(p("2022-01-01T00:00:00Z", "0"),
                p("2023-06-01T00:00:00Z", "100"), p("2023-12-01T00:00:00Z", "200")), NO_CAPACITY);

        assertThat(many.points()).hasSize(RateWindow.MAX_POINTS);
        assertThat(many.points().get(0).timestamp()).isEqualTo(start.plus(Duration.ofDays(51)));
        assertThat(old.points().get(0).timestamp()).isEqualTo(at("2023-06-01T00:00:00Z"));
        assertThat(old.advance()).isEqualByComparingTo("110");
    }

    @Test
    void aRegisterWrapCountsAsConsumptionAcrossTheWrap() {
        RateWindow w = RateWindow.endingAt(p("2024-01-03T00:00:00Z", "10"), List.of(p("2024-01-01T00:00:00Z", "970"),
                p("2024-01-02T00:00:00Z", "990")), capacity("1000"));

        assertThat(w.advance()).isEqualByComparingTo("40");
        assertThat(w.averageRate().orElseThrow().perDay()).isEqualByComparingTo("20");
    }

    @Test
    void theActiveRateLeavesOutALeadingRunOfUnchangedValues() {
        RateWindow w = RateWindow.endingAt(p("2023-11-07T00:00:00Z", "0.747"), List.of(p("2023-11-03T00:00:00Z", "0"),
                p("2023-11-04T00:00:00Z", "0"), p("2023-11-05T00:00:00Z", "0"), p("2023-11-06T00:00:00Z", "0")), NO_CAPACITY);

        assertThat(w.averageRate().orElseThrow().perDay()).isEqualByComparingTo("0.18675");
        assertThat(w.activeRate().orElseThrow().perDay()).isEqualByComparingTo("0.747");
    }

    @Test
    void aRegisterThatDidNotMoveHasActiveRateZero() {
        RateWindow w = RateWindow.endingAt(p("2024-07-10T00:00:00Z", "5000"), List.of(p("2024-07-01T00:00:00Z", "5000")), NO_CAPACITY);

        assertThat(w.activeRate().orElseThrow().isZero()).isTrue();
    }

    @Test
    void implausiblePointsAreLeftOutAndTheFirstOfTwoPointsAtOneInstantWins() {
        RateWindow w = RateWindow.endingAt(p("2024-01-03T00:00:00Z", "30"), List.of(p("2024-01-02T00:00:00Z", "20"),
                implausible("2024-01-02T12:00:00Z", "20000"), p("2024-01-02T00:00:00Z", "999"), p("2024-01-01T00:00:00Z", "10"),
                p("2024-01-04T00:00:00Z", "40")), NO_CAPACITY);

        assertThat(w.points()).extracting(SeriesPoint::value).containsExactly(new BigDecimal("10"), new BigDecimal("20"),
                new BigDecimal("30"));
    }

    /**
     * The two-list form a write uses gives the same window as the general form fed the write's
     * points first, then the stored ones: random series with duplicates across the lists,
     * implausible points, segment starts, drops, wraps, old points and more than 200 candidates.
     */
    @Test
    void theTwoListFormSelectsTheSameWindowAsTheGeneralForm() {
        java.util.Random random = new java.util.Random(7);
        Instant start = at("2023-01-01T00:00:00Z");
        int longest = 0;
        int spliced = 0;
        for (int run = 0; run < 2_000; run++) {
            java.util.Optional<io.metering.domain.counter.RegisterCapacity> cap = random.nextBoolean() ? NO_CAPACITY : capacity("1000");
            int n = random.nextInt(320);
            long step = 1 + random.nextInt(random.nextBoolean() ? 3 : 60);
            java.util.TreeMap<Instant, SeriesPoint> written = new java.util.TreeMap<>();
            java.util.TreeMap<Instant, SeriesPoint> stored = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
            BigDecimal value = BigDecimal.ZERO;
            int breaks = random.nextBoolean() ? 40 : 5_000; // half of the runs reach the 200-point limit
            for (int i = 0; i < n; i++) {
                Instant t = start.plus(Duration.ofHours(step * i));
                value = random.nextInt(breaks) == 0 ? value.subtract(BigDecimal.TEN).max(BigDecimal.ZERO)
                        : value.add(BigDecimal.valueOf(random.nextInt(50), random.nextInt(3)));
                if (cap.isPresent()) {
                    value = value.remainder(new BigDecimal("1000")); // wraps
                }
                SeriesPoint point = new SeriesPoint(t, value, random.nextInt(breaks) == 0, random.nextInt(15) == 0);
                int where = random.nextInt(4);
                if (where != 0) {
                    stored.put(t, point);
                }
                if (where != 1) {
                    written.put(t, where == 3 && breaks < 100 ? new SeriesPoint(t, value.add(BigDecimal.ONE), false, random.nextInt(10) == 0)
                            : point);
                }
            }
            SeriesPoint anchor = new SeriesPoint(start.plus(Duration.ofHours(step * (long) (n * random.nextDouble()) + random.nextInt(2))),
                    value.add(BigDecimal.ONE), random.nextInt(10) == 0, false);
            List<SeriesPoint> firstWritten = new ArrayList<>(written.values());
            firstWritten.addAll(stored.values());

            RateWindow general = RateWindow.endingAt(anchor, firstWritten, cap);
            RateWindow merged = RateWindow.endingAt(anchor, List.copyOf(written.values()), List.copyOf(stored.values()), cap);

            assertThat(merged.points()).as("run %d", run).isEqualTo(general.points());
            longest = Math.max(longest, general.points().size());
            assertThat(merged.advance()).as("run %d", run).isEqualTo(general.advance());

            // a later question of the same write, reusing an earlier one's window: as the validator
            // asks, the earlier anchor is a point of the write, and the later anchor a point after it
            List<SeriesPoint> plausibleWritten = written.values().stream().filter(w -> !w.implausible()).toList();
            if (plausibleWritten.size() >= 2) {
                int i = random.nextInt(plausibleWritten.size() - 1);
                SeriesPoint firstAnchor = plausibleWritten.get(i);
                SeriesPoint next = plausibleWritten.get(Math.min(plausibleWritten.size() - 1, i + 1 + random.nextInt(3)));
                List<SeriesPoint> beforeFirst = List.copyOf(written.headMap(firstAnchor.timestamp(), false).values());
                List<SeriesPoint> before = List.copyOf(written.headMap(next.timestamp(), false).values());
                RateWindow first = RateWindow.endingAt(firstAnchor, beforeFirst, List.copyOf(stored.values()), cap);
                List<SeriesPoint> all = new ArrayList<>(before);
                all.addAll(stored.values());
                RateWindow expected = RateWindow.endingAt(next, all, cap);
                RateWindow reused = RateWindow.endingAt(next, before, List.copyOf(stored.values()), cap, first);
                assertThat(reused.points()).as("run %d, reused", run).isEqualTo(expected.points());
                assertThat(reused.advance()).as("run %d, reused", run).isEqualTo(expected.advance());
                assertThat(reused.activeRate()).as("run %d, reused", run).isEqualTo(expected.activeRate());
                spliced++;

                // and, in every fourth run, as a write asks: each plausible point of the write in turn,
                // reusing the window before
                RateWindow previous = null;
                for (SeriesPoint p : plausibleWritten.subList(0, run % 4 == 0 ? Math.min(plausibleWritten.size(), 250) : 0)) {
                    List<SeriesPoint> upTo = List.copyOf(written.headMap(p.timestamp(), false).values());
                    List<SeriesPoint> candidates = new ArrayList<>(upTo);
                    candidates.addAll(stored.values());
                    RateWindow chained = RateWindow.endingAt(p, upTo, List.copyOf(stored.values()), cap, previous);
                    RateWindow plain = RateWindow.endingAt(p, candidates, cap);
                    assertThat(chained.points()).as("run %d, chained at %s", run, p).isEqualTo(plain.points());
                    assertThat(chained.advance()).as("run %d, chained at %s", run, p).isEqualTo(plain.advance());
                    previous = chained;
                }
            }
        }
        assertThat(spliced).isGreaterThan(500);
        assertThat(longest).isEqualTo(RateWindow.MAX_POINTS);
    }
}
