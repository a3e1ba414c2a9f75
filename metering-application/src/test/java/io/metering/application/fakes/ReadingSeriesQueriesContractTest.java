package io.metering.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.model.ImplausibleQueueFilter;
import io.metering.application.model.PageRequest;
import io.metering.application.model.ReadingQueuePosition;
import io.metering.application.model.SortOrder;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.ScopedWindow;
import io.metering.application.port.out.SeriesWindow;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The executable contract of {@link ReadingSeriesQueries} (its Javadoc), run against every implementation: the
 * in-memory store and the database adapter must both pass it unchanged.
 *
 * <p>Ranges, windows and cursors, and the implausible-readings review queue.
 */
public abstract class ReadingSeriesQueriesContractTest extends PortContract {
    @Nested
    class Series {
        MeterId m = MeterId.random();
        CounterId c = CounterId.random();
        SeriesKey out = new SeriesKey(c, Direction.FEED_OUT);
        Reading in05 = reading(m, c, Direction.FEED_IN, hours(0.5), "0.5");
        Reading in1 = reading(m, c, Direction.FEED_IN, hours(1), "1");
        Reading out1 = reading(m, c, Direction.FEED_OUT, hours(1), "10");
        Reading out2 = withStatus(reading(m, c, Direction.FEED_OUT, hours(2), "20000"), ReadingStatus.IMPLAUSIBLE);
        Reading out3 = with(reading(m, c, Direction.FEED_OUT, hours(3), "30"), ReadingSource.ERP, ReadingReason.METER_ADJUSTMENT, null, Map.of());
        Reading in3 = reading(m, c, Direction.FEED_IN, hours(3), "3");
        Reading in4 = withStatus(reading(m, c, Direction.FEED_IN, hours(4), "4"), ReadingStatus.VALID);

        @BeforeEach
        void store() {
            ports.readings().insert(org, List.of(in4, out3, in3, out2, out1, in1, in05));
            ports.readings().insert(otherOrg, List.of(reading(m, c, Direction.FEED_OUT, hours(2.5), "25")));
        }

        private List<Reading> range(Optional<Direction> d, Instant from, Instant to, SortOrder sort, long offset, int limit) {
            return ports.series().range(org, c, d, from, to, sort, new PageRequest(offset, limit));
        }

        @Test
        void aWindowFarBeyondTheEndIsEmpty() {
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, Long.MAX_VALUE, Integer.MAX_VALUE)).isEmpty();
            assertThat(range(Optional.of(Direction.FEED_IN), T0, hours(10), SortOrder.DESC, Long.MAX_VALUE - 1, 2)).isEmpty();
        }

        @Test
        void rangeOrdersByTimestampThenDirection() {
            List<Reading> ascending = List.of(in05, in1, out1, out2, in3, out3, in4);
            List<Reading> descending = new ArrayList<>(ascending);
            java.util.Collections.reverse(descending);

            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, 0, PageRequest.ALL)).containsExactlyElementsOf(ascending);
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.DESC, 0, PageRequest.ALL)).containsExactlyElementsOf(descending);
            assertThat(range(Optional.of(Direction.FEED_IN), T0, hours(10), SortOrder.ASC, 0, PageRequest.ALL))
                    .containsExactly(in05, in1, in3, in4);
            assertThat(ports.series().range(otherOrg, c, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(0, 10)))
                    .hasSize(1);
        }

        @Test
        void streamRangeYieldsTheRangeWithEachReadingsLastPlausiblePredecessor() {
            for (SortOrder sort : SortOrder.values()) {
                for (PageRequest page : List.of(new PageRequest(0, PageRequest.ALL), new PageRequest(2, 3), new PageRequest(0, 0))) {
                    List<Reading> streamed = new ArrayList<>();
                    List<Optional<SeriesPoint>> previous = new ArrayList<>();
                    ports.transactions().readOnly(() -> {
                        ports.series().streamRange(org, c, Optional.empty(), hours(1), hours(10), sort, page, true, (r, p) -> {
                            streamed.add(r);
                            previous.add(p);
                        });
                        return null;
                    });
                    assertThat(streamed).as(sort + " " + page).containsExactlyElementsOf(range(Optional.empty(), hours(1), hours(10), sort,
                            page.offset(), page.limit()));
                    for (int i = 0; i < streamed.size(); i++) {
                        Reading r = streamed.get(i);
                        assertThat(previous.get(i)).as(r.toString())
                                .isEqualTo(ports.series().lastPlausibleBefore(org, new SeriesKey(c, r.direction()), r.timestamp()));
                    }
                }
            }
            List<Optional<SeriesPoint>> previousOfOut3 = new ArrayList<>();
            ports.transactions().readOnly(() -> {
                ports.series().streamRange(org, c, Optional.of(Direction.FEED_OUT), hours(3), hours(3), SortOrder.DESC,
                        new PageRequest(0, PageRequest.ALL), true, (r, p) -> previousOfOut3.add(p));
                return null;
            });
            assertThat(previousOfOut3).as("the implausible out2 is skipped, out1 lies before the range")
                    .containsExactly(Optional.of(out1.point()));
        }

        @Test
        void rangeWindows() {
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, 1, 3)).containsExactly(in1, out1, out2);
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.DESC, 2, 2)).containsExactly(in3, out2);
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, 5, PageRequest.ALL)).containsExactly(out3, in4);
            assertThat(range(Optional.of(Direction.FEED_OUT), T0, hours(10), SortOrder.DESC, 1, 1)).containsExactly(out2);
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, 7, 5)).isEmpty();
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, 0, 0)).isEmpty();
        }

        @Test
        void rangeWindowsFarBeyondTheEndAreEmptyEvenWhenOffsetPlusSizeOverflows() {
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, Long.MAX_VALUE, 1)).isEmpty();
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.DESC, Long.MAX_VALUE - 7, 8)).isEmpty();
            assertThat(range(Optional.of(Direction.FEED_IN), T0, hours(10), SortOrder.ASC, Long.MAX_VALUE - 1, 100)).isEmpty();
        }

        @Test
        void rangeBoundsAreInclusiveToTheMillisecond() {
            assertThat(range(Optional.empty(), hours(1), hours(3), SortOrder.ASC, 0, PageRequest.ALL))
                    .containsExactly(in1, out1, out2, in3, out3);
            assertThat(range(Optional.empty(), hours(1).plusMillis(1), hours(3).minusMillis(1), SortOrder.ASC, 0, PageRequest.ALL))
                    .containsExactly(out2);
            assertThat(range(Optional.empty(), hours(1).plusNanos(1), hours(3).minusNanos(1), SortOrder.ASC, 0, PageRequest.ALL))
                    .containsExactly(out2);
            assertThat(range(Optional.empty(), hours(3), hours(1), SortOrder.ASC, 0, PageRequest.ALL)).isEmpty();
            assertThat(range(Optional.empty(), Instant.MIN, Instant.MAX, SortOrder.ASC, 0, PageRequest.ALL)).hasSize(7);
        }

        @Test
        void countsWhatRangeSelects() {
            assertThat(ports.series().count(org, c, Optional.empty(), T0, hours(10))).isEqualTo(7);
            assertThat(ports.series().count(org, c, Optional.of(Direction.FEED_OUT), hours(1), hours(3))).isEqualTo(3);
            assertThat(ports.series().count(org, c, Optional.empty(), hours(1).plusNanos(1), hours(3).minusNanos(1))).isEqualTo(1);
            assertThat(ports.series().count(otherOrg, c, Optional.empty(), T0, hours(10))).isEqualTo(1);
            assertThat(ports.series().count(org, CounterId.random(), Optional.empty(), T0, hours(10))).isZero();
        }

        @Test
        void aWindowCarriesItsHitsAndTheFirstTimestamp() {
            SeriesWindow full = ports.series().window(org, c, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(1, 3));
            assertThat(full.readings()).containsExactly(in1, out1, out2);
            assertThat(full.hits()).isEqualTo(7);
            assertThat(full.firstTimestamp()).contains(hours(0.5));

            SeriesWindow desc = ports.series().window(org, c, Optional.empty(), hours(1), hours(3), SortOrder.DESC, new PageRequest(0, 2));
            assertThat(desc.readings()).containsExactly(out3, in3);
            assertThat(desc.hits()).isEqualTo(5);

            SeriesWindow partial = ports.series().window(org, c, Optional.of(Direction.FEED_OUT), T0, hours(10), SortOrder.ASC,
                    new PageRequest(0, 20));
            assertThat(partial.readings()).containsExactly(out1, out2, out3);
            assertThat(partial.hits()).isEqualTo(3);
            assertThat(partial.firstTimestamp()).contains(hours(1));

            SeriesWindow all = ports.series().window(org, c, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(0, PageRequest.ALL));
            assertThat(all.readings()).hasSize(7);
            assertThat(all.hits()).isEqualTo(7);

            SeriesWindow past = ports.series().window(org, c, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(9, 5));
            assertThat(past.readings()).isEmpty();
            assertThat(past.hits()).isEqualTo(7);

            SeriesWindow none = ports.series().window(org, c, Optional.empty(), hours(5), hours(10), SortOrder.ASC, new PageRequest(0, 5));
            assertThat(none.readings()).isEmpty();
            assertThat(none.hits()).isZero();
            assertThat(none.firstTimestamp()).as("of the counter, not of the range").contains(hours(0.5));

            SeriesWindow zero = ports.series().window(org, c, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(0, 0));
            assertThat(zero.readings()).isEmpty();
            assertThat(zero.hits()).isEqualTo(7);

            SeriesWindow unknown = ports.series().window(org, CounterId.random(), Optional.empty(), T0, hours(10), SortOrder.ASC,
                    new PageRequest(0, 5));
            assertThat(unknown).isEqualTo(new SeriesWindow(List.of(), 0, Optional.empty()));
        }

        /** A store that answers in one statement brings the same window and the meter and counter the ids name. */
        @Test
        void aScopedWindowIsTheWindowWithItsMeterAndCounter() {
            ports.meters().insert(meter(org, m, T0));
            ports.counters().insert(counter(org, m, c, T0));
            PageRequest page = new PageRequest(1, 3);
            Optional<ScopedWindow> scoped = ports.series().scopedWindow(org, m, c, Optional.empty(), T0, hours(10), SortOrder.ASC, page, false);
            Assumptions.assumeTrue(scoped.isPresent(), "this store answers through window, meter and counter");

            assertThat(scoped.get().meter()).isEqualTo(ports.meters().findById(org, m));
            assertThat(scoped.get().counter()).isEqualTo(ports.counters().findById(org, c));
            assertThat(scoped.get().window()).isEqualTo(ports.series().window(org, c, Optional.empty(), T0, hours(10), SortOrder.ASC, page));
            ScopedWindow empty = ports.series().scopedWindow(org, m, c, Optional.of(Direction.FEED_OUT), hours(5), hours(10), SortOrder.DESC,
                    page, false).orElseThrow();
            assertThat(empty.meter()).isPresent();
            assertThat(empty.counter()).isPresent();
            assertThat(empty.window()).isEqualTo(ports.series().window(org, c, Optional.of(Direction.FEED_OUT), hours(5), hours(10),
                    SortOrder.DESC, page));

            MeterId otherMeter = storedMeter(org).id();
            ScopedWindow throughOtherMeter = scoped(org, otherMeter, c);
            assertThat(throughOtherMeter.meter().map(Meter::id)).contains(otherMeter);
            assertThat(throughOtherMeter.counter()).as("the counter belongs to another meter").isEmpty();
            ScopedWindow noMeter = scoped(org, MeterId.random(), c);
            assertThat(noMeter.meter()).isEmpty();
            assertThat(noMeter.counter()).isEmpty();
            ScopedWindow noCounter = scoped(org, m, CounterId.random());
            assertThat(noCounter.meter()).isPresent();
            assertThat(noCounter.counter()).isEmpty();
            ScopedWindow otherOrganization = scoped(otherOrg, m, c);
            assertThat(otherOrganization.meter()).isEmpty();
            assertThat(otherOrganization.counter()).isEmpty();
        }

        /**
         * A relative page's predecessors come in the same read: per direction with readings in the
         * window, the last plausible point before its earliest reading there, in either sort order.
         */
        @Test
        void aScopedWindowBringsEachDirectionsLastPlausiblePredecessorWhenAsked() {
            ports.meters().insert(meter(org, m, T0));
            ports.counters().insert(counter(org, m, c, T0));
            for (SortOrder sort : SortOrder.values()) {
                for (Optional<Direction> direction : List.of(Optional.<Direction>empty(), Optional.of(Direction.FEED_IN),
                        Optional.of(Direction.FEED_OUT))) {
                    for (PageRequest page : List.of(new PageRequest(0, 2), new PageRequest(1, 3), new PageRequest(0, 100))) {
                        ScopedWindow scoped = ports.series().scopedWindow(org, m, c, direction, hours(1), hours(10), sort, page, true)
                                .orElse(null);
                        Assumptions.assumeTrue(scoped != null, "this store answers through window, meter and counter");
                        Map<Direction, SeriesPoint> expected = new java.util.EnumMap<>(Direction.class);
                        for (Direction d : Direction.values()) {
                            scoped.window().readings().stream().filter(r -> r.direction() == d).map(Reading::timestamp).min(Instant::compareTo)
                                    .flatMap(t -> ports.series().lastPlausibleBefore(org, new SeriesKey(c, d), t))
                                    .ifPresent(p -> expected.put(d, p));
                        }
                        assertThat(scoped.predecessors()).as(sort + " " + direction + " " + page).isEqualTo(expected);
                        assertThat(scoped.window()).isEqualTo(ports.series().window(org, c, direction, hours(1), hours(10), sort, page));
                    }
                }
            }
            ScopedWindow fromOut3 = ports.series().scopedWindow(org, m, c, Optional.of(Direction.FEED_OUT), hours(3), hours(3), SortOrder.ASC,
                    new PageRequest(0, 10), true).orElseThrow();
            assertThat(fromOut3.predecessors()).as("the implausible out2 is skipped, out1 lies before the window")
                    .containsExactly(Map.entry(Direction.FEED_OUT, out1.point()));
            ScopedWindow fromIn05 = ports.series().scopedWindow(org, m, c, Optional.empty(), T0, hours(10), SortOrder.ASC,
                    new PageRequest(0, 2), true).orElseThrow();
            assertThat(fromIn05.predecessors()).as("nothing lies before in05; the page holds no feed-out reading").isEmpty();
            assertThat(ports.series().scopedWindow(org, m, c, Optional.empty(), hours(1), hours(10), SortOrder.ASC, new PageRequest(0, 10),
                    false).orElseThrow().predecessors()).as("not asked for").isEmpty();
        }

        private ScopedWindow scoped(OrganizationId o, MeterId meter, CounterId counter) {
            return ports.series().scopedWindow(o, meter, counter, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(0, 5), false)
                    .orElseThrow();
        }

        @Test
        void maxValueCoversEveryDirectionAndStatusOfTheCounterInTheOrganization() {
            assertThat(ports.series().maxValue(org, c)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("20000"));
            assertThat(ports.series().maxValue(org, CounterId.random())).isEmpty();
            assertThat(ports.series().maxValue(otherOrg, c)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("25"));
        }

        @Test
        void firstTimestampOfTheCounterOrDirection() {
            assertThat(ports.series().firstTimestamp(org, c, Optional.empty())).contains(hours(0.5));
            assertThat(ports.series().firstTimestamp(org, c, Optional.of(Direction.FEED_OUT))).contains(hours(1));
            assertThat(ports.series().firstTimestamp(otherOrg, c, Optional.of(Direction.FEED_IN))).isEmpty();
            assertThat(ports.series().firstTimestamp(org, CounterId.random(), Optional.empty())).isEmpty();
        }

        @Test
        void plausibleNeighboursOfAnInstant() {
            assertThat(ports.series().lastPlausibleBefore(org, out, hours(3))).contains(out1.point());
            assertThat(ports.series().lastPlausibleBefore(org, out, hours(3).plusNanos(1))).contains(out3.point());
            assertThat(ports.series().lastPlausibleBefore(org, out, hours(1))).isEmpty();
            assertThat(ports.series().lastPlausibleAtOrBefore(org, out, hours(3))).contains(out3.point());
            assertThat(ports.series().lastPlausibleAtOrBefore(org, out, hours(3).minusNanos(1))).contains(out1.point());
            assertThat(ports.series().firstPlausibleAfter(org, out, hours(1))).contains(out3.point());
            assertThat(ports.series().firstPlausibleAfter(org, out, hours(1).minusNanos(1))).contains(out1.point());
            assertThat(ports.series().firstPlausibleAfter(org, out, hours(3))).isEmpty();
            assertThat(ports.series().lastPlausibleBefore(otherOrg, out, hours(3))).contains(point(hours(2.5), "25"));
            assertThat(out3.point().segmentStart()).isTrue();
        }

        @Test
        void recentAndBetween() {
            SeriesKey in = new SeriesKey(c, Direction.FEED_IN);

            assertThat(ports.series().recentPlausible(org, out, hours(3), 5)).containsExactly(out3.point(), out1.point());
            assertThat(ports.series().recentPlausible(org, in, hours(3.5), 2)).containsExactly(in3.point(), in1.point());
            assertThat(ports.series().recentPlausible(org, in, hours(10), 0)).isEmpty();
            assertThat(ports.series().plausibleBetween(org, out, hours(1), hours(3))).containsExactly(out1.point(), out3.point());
            assertThat(ports.series().plausibleBetween(org, in, hours(1).plusNanos(1), hours(4))).containsExactly(in3.point(), in4.point());
            assertThat(ports.series().plausibleBetween(otherOrg, in, T0, hours(10))).isEmpty();
        }

        @Test
        void latestPlausibleReadingPerCounter() {
            CounterId tie = CounterId.random();
            CounterId onlyImplausible = CounterId.random();
            CounterId empty = CounterId.random();
            Reading tieOut = reading(m, tie, Direction.FEED_OUT, hours(5), "2");
            Reading laterImplausible = withStatus(reading(m, tie, Direction.FEED_IN, hours(6), "9"), ReadingStatus.IMPLAUSIBLE);
            ports.readings().insert(org, List.of(reading(m, tie, Direction.FEED_IN, hours(5), "1"), tieOut, laterImplausible,
                    withStatus(reading(m, onlyImplausible, Direction.FEED_OUT, hours(1), "1"), ReadingStatus.IMPLAUSIBLE)));

            Map<CounterId, Reading> latest = ports.series().latestPlausible(org, List.of(c, tie, onlyImplausible, empty, c));

            assertThat(latest).containsOnlyKeys(c, tie);
            assertThat(latest.get(c)).isEqualTo(in4);
            assertThat(latest.get(tie)).isEqualTo(tieOut);
            assertThat(ports.series().latestPlausible(otherOrg, List.of(c, tie)).keySet()).containsExactly(c);
            assertThat(ports.series().latestPlausible(org, List.of())).isEmpty();
        }
    }

    @Nested
    class ReviewQueue {
        @Test
        void implausibleReadingsOfTheOrganizationInEitherOrderFilteredAndPaged() {
            MeterId m = MeterId.random();
            MeterId n = MeterId.random();
            CounterId c = new CounterId(uuid("10"));
            CounterId d = new CounterId(uuid("f0"));
            Reading first = withStatus(reading(m, c, Direction.FEED_OUT, hours(1), "5"), ReadingStatus.IMPLAUSIBLE);
            Reading tieOut = withStatus(reading(m, d, Direction.FEED_OUT, hours(2), "5"), ReadingStatus.IMPLAUSIBLE);
            Reading tieIn = withStatus(reading(m, d, Direction.FEED_IN, hours(2), "5"), ReadingStatus.IMPLAUSIBLE);
            Reading tieC = withStatus(reading(m, c, Direction.FEED_OUT, hours(2), "9"), ReadingStatus.IMPLAUSIBLE);
            Reading other = with(withStatus(reading(n, CounterId.random(), Direction.FEED_OUT, hours(3), "1"), ReadingStatus.IMPLAUSIBLE),
                    ReadingSource.ECP, null, null, Map.of());
            ports.readings().insert(org, List.of(first, tieOut, tieIn, tieC, other,
                    reading(m, c, Direction.FEED_OUT, hours(0.5), "1"),
                    withStatus(reading(m, c, Direction.FEED_OUT, hours(4), "100"), ReadingStatus.VALID)));
            ports.readings().insert(otherOrg, List.of(withStatus(reading(m, c, Direction.FEED_OUT, hours(1), "5"), ReadingStatus.IMPLAUSIBLE)));
            ImplausibleQueueFilter none = ImplausibleQueueFilter.NONE;

            assertThat(ports.series().implausible(org, none, SortOrder.ASC, null, 10)).containsExactly(first, tieC, tieIn, tieOut, other);
            assertThat(ports.series().implausible(org, none, SortOrder.DESC, null, 10)).containsExactly(other, tieOut, tieIn, tieC, first);
            assertThat(ports.series().implausible(org, none, SortOrder.DESC, null, 2)).containsExactly(other, tieOut);
            assertThat(ports.series().implausible(org, none, SortOrder.DESC,
                    new ReadingQueuePosition(tieIn.timestamp(), tieIn.counterId(), tieIn.direction()), 10)).containsExactly(tieC, first);
            assertThat(ports.series().implausible(org, none, SortOrder.ASC,
                    new ReadingQueuePosition(tieIn.timestamp(), tieIn.counterId(), tieIn.direction()), 10)).containsExactly(tieOut, other);
            assertThat(ports.series().implausible(org, new ImplausibleQueueFilter(m, c, null, null, null), SortOrder.ASC, null, 10))
                    .containsExactly(first, tieC);
            assertThat(ports.series().implausible(org, new ImplausibleQueueFilter(null, null, ReadingSource.ECP, null, null),
                    SortOrder.ASC, null, 10)).containsExactly(other);
            assertThat(ports.series().implausible(org, new ImplausibleQueueFilter(null, null, null, hours(2), hours(3)),
                    SortOrder.ASC, null, 10)).containsExactly(tieC, tieIn, tieOut);
            assertThat(ports.series().countImplausible(org, none, 1000)).isEqualTo(5);
            assertThat(ports.series().countImplausible(org, none, 4)).isEqualTo(4);
            assertThat(ports.series().countImplausible(org, new ImplausibleQueueFilter(n, null, null, null, null), 1000)).isEqualTo(1);
            assertThat(ports.series().countImplausible(otherOrg, none, 1000)).isEqualTo(1);
        }
    }
}
