package io.metering.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.application.port.out.NeighbourProbe;
import io.metering.application.port.out.Neighbours;
import io.metering.application.port.out.PruneCounts;
import io.metering.application.port.out.PruneScope;
import io.metering.application.port.out.ReadingMatch;
import io.metering.application.port.out.ReadingRepository;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.reading.SeriesKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The executable contract of {@link ReadingRepository} (its Javadoc), run against every implementation: the
 * in-memory store and the database adapter must both pass it unchanged.
 *
 * <p>Writes and key lookups, neighbours, matching and pruning.
 */
public abstract class ReadingRepositoryContractTest extends PortContract {
    @Nested
    class ReadingWrites {
        @Test
        void storesEveryFieldExactly() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("batch", "7");
            metadata.put("origin", "import \"quoted\"");
            Reading full = new Reading(m, c, Direction.FEED_IN, T0.plusMillis(1), new BigDecimal("1250.30"), ReadingSource.JOURNEY_SUBMISSION,
                    ReadingReason.METER_CHANGE, "reader-1", ReadingStatus.IN_VALIDATION, "ext-1", "remark", "note", "kWh", metadata);
            Reading minimal = reading(m, c, Direction.FEED_IN, T0.plusMillis(2), "0");

            ports.readings().insert(org, List.of(full, minimal));

            Map<ReadingKey, Reading> found = ports.readings().findByKeys(org, List.of(full.key(), minimal.key()));
            assertThat(found).containsOnlyKeys(full.key(), minimal.key());
            assertThat(found.get(full.key())).isEqualTo(full);
            assertThat(found.get(full.key()).value()).hasToString("1250.3");
            assertThat(found.get(minimal.key())).isEqualTo(minimal);
            assertThat(ports.readings().findByKeys(otherOrg, List.of(full.key()))).isEmpty();
        }

        @Test
        void keepsDecimalsExact() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            ports.readings().insert(org, List.of(
                    reading(m, c, Direction.FEED_OUT, hours(1), "0.1"),
                    reading(m, c, Direction.FEED_OUT, hours(2), "0.2"),
                    reading(m, c, Direction.FEED_OUT, hours(3), "1250.2"),
                    reading(m, c, Direction.FEED_OUT, hours(4), "1250.3"),
                    reading(m, c, Direction.FEED_OUT, hours(5), "999999999999999999.999999999999")));

            List<BigDecimal> values = all(org, c).stream().map(Reading::value).toList();

            assertThat(values.get(0).add(values.get(1))).isEqualTo(new BigDecimal("0.3"));
            assertThat(values.get(3).subtract(values.get(2))).isEqualTo(new BigDecimal("0.1"));
            assertThat(values.get(4)).isEqualTo(new BigDecimal("999999999999999999.999999999999"));
        }

        @Test
        void keepsMillisecondsApart() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Reading first = reading(m, c, Direction.FEED_OUT, T0.plusMillis(1), "1");
            Reading second = reading(m, c, Direction.FEED_OUT, T0.plusMillis(2), "2");
            ports.readings().insert(org, List.of(first, second));

            assertThat(all(org, c)).containsExactly(first, second);
            assertThat(ports.series().range(org, c, Optional.empty(), T0.plusMillis(2), T0.plusMillis(2), SortOrder.ASC,
                    new PageRequest(0, 10))).containsExactly(second);
            assertThat(ports.readings().findByKeys(org, List.of(new ReadingKey(first.series(), T0.plusNanos(1_000_001))))).isEmpty();
        }

        @Test
        void insertRefusesAStoredKeyAndRollsBackWithTheTransaction() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Reading stored = reading(m, c, Direction.FEED_OUT, hours(1), "1");
            ports.readings().insert(org, List.of(stored));
            Reading fresh = reading(m, c, Direction.FEED_OUT, hours(2), "2");

            assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                ports.readings().insert(org, List.of(fresh, reading(m, c, Direction.FEED_OUT, hours(1), "5")));
                return null;
            })).isInstanceOf(RuntimeException.class);

            assertThat(all(org, c)).containsExactly(stored);
        }

        @Test
        void sameKeyInAnotherOrganizationIsAnotherReading() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Reading mine = reading(m, c, Direction.FEED_OUT, hours(1), "1");
            Reading theirs = reading(m, c, Direction.FEED_OUT, hours(1), "2");

            ports.readings().insert(org, List.of(mine));
            ports.readings().insert(otherOrg, List.of(theirs));

            assertThat(all(org, c)).containsExactly(mine);
            assertThat(all(otherOrg, c)).containsExactly(theirs);
        }

        @Test
        void upsertReplacesStoredKeysAndTheLaterOfTwoWins() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Reading stored = reading(m, c, Direction.FEED_OUT, hours(1), "1");
            ports.readings().insert(org, List.of(stored));
            Reading replacement = with(reading(m, c, Direction.FEED_OUT, hours(1), "1.5"), ReadingSource.ECP, ReadingReason.REGULAR, "e", Map.of("a", "b"));
            Reading fresh = reading(m, c, Direction.FEED_OUT, hours(2), "2");
            Reading freshAgain = reading(m, c, Direction.FEED_OUT, hours(2), "2.5");

            ports.readings().upsert(org, List.of(replacement, fresh, freshAgain));

            assertThat(all(org, c)).containsExactly(replacement, freshAgain);
        }

        @Test
        void deleteCountsTheStoredKeys() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Reading a = reading(m, c, Direction.FEED_OUT, hours(1), "1");
            Reading b = reading(m, c, Direction.FEED_IN, hours(1), "1");
            Reading kept = reading(m, c, Direction.FEED_OUT, hours(2), "2");
            ports.readings().insert(org, List.of(a, b, kept));
            ports.readings().insert(otherOrg, List.of(a));

            assertThat(ports.readings().delete(otherOrg, List.of(b.key()))).isZero();
            int deleted = ports.readings().delete(org, List.of(a.key(), b.key(), a.key(),
                    new ReadingKey(a.series(), hours(3)), new ReadingKey(a.series(), hours(1).plusNanos(1))));

            assertThat(deleted).isEqualTo(2);
            assertThat(all(org, c)).containsExactly(kept);
            assertThat(all(otherOrg, c)).containsExactly(a);
            assertThat(ports.readings().delete(org, List.of())).isZero();
        }
    }

    @Nested
    class NeighbourLookups {
        MeterId m = MeterId.random();
        CounterId c = CounterId.random();
        SeriesKey out = new SeriesKey(c, Direction.FEED_OUT);
        Reading r1 = reading(m, c, Direction.FEED_OUT, hours(1), "100");
        Reading r2 = withStatus(reading(m, c, Direction.FEED_OUT, hours(2), "150000"), ReadingStatus.IMPLAUSIBLE);
        Reading r3 = reading(m, c, Direction.FEED_OUT, hours(3), "120");
        Reading r4 = withStatus(reading(m, c, Direction.FEED_OUT, hours(4), "130"), ReadingStatus.VALID);
        Reading r5 = with(reading(m, c, Direction.FEED_OUT, hours(5), "5"), ReadingSource.ERP, ReadingReason.METER_CHANGE, null, Map.of());

        @BeforeEach
        void store() {
            ports.readings().insert(org, List.of(r1, r2, r3, r4, r5, reading(m, c, Direction.FEED_IN, hours(2.5), "7")));
            ports.readings().insert(otherOrg, List.of(reading(m, c, Direction.FEED_OUT, hours(2.5), "110")));
        }

        @Test
        void findsTheNearestPlausibleReadingsOnEachSide() {
            NeighbourProbe between = new NeighbourProbe(out, hours(2.5));
            NeighbourProbe onAReading = new NeighbourProbe(out, hours(3));
            NeighbourProbe beforeAll = new NeighbourProbe(out, T0);
            NeighbourProbe afterAll = new NeighbourProbe(out, hours(6));
            NeighbourProbe subMillisecond = new NeighbourProbe(out, hours(3).plusNanos(500_000));
            NeighbourProbe emptySeries = new NeighbourProbe(new SeriesKey(CounterId.random(), Direction.FEED_OUT), hours(3));
            List<NeighbourProbe> probes = List.of(between, onAReading, beforeAll, afterAll, subMillisecond, emptySeries, between);

            Map<NeighbourProbe, Neighbours> found = ports.readings().neighbours(org, probes, List.of());

            assertThat(found).containsOnlyKeys(new java.util.HashSet<>(probes));
            assertThat(found.get(between)).isEqualTo(new Neighbours(Optional.of(r1.point()), Optional.of(r3.point())));
            assertThat(found.get(onAReading)).isEqualTo(new Neighbours(Optional.of(r1.point()), Optional.of(r4.point())));
            assertThat(found.get(beforeAll)).isEqualTo(new Neighbours(Optional.empty(), Optional.of(r1.point())));
            assertThat(found.get(afterAll)).isEqualTo(new Neighbours(Optional.of(r5.point()), Optional.empty()));
            assertThat(found.get(subMillisecond)).isEqualTo(new Neighbours(Optional.of(r3.point()), Optional.of(r4.point())));
            assertThat(found.get(emptySeries)).isEqualTo(Neighbours.NONE);
            assertThat(r5.point().segmentStart()).isTrue();
        }

        @Test
        void ignoresExcludedReadings() {
            NeighbourProbe onR3 = new NeighbourProbe(out, hours(3));
            NeighbourProbe afterR3 = new NeighbourProbe(out, hours(3.5));

            Map<NeighbourProbe, Neighbours> found = ports.readings().neighbours(org, List.of(onR3, afterR3),
                    List.of(r4.key(), r1.key(), new ReadingKey(out, hours(9))));

            assertThat(found.get(onR3)).isEqualTo(new Neighbours(Optional.empty(), Optional.of(r5.point())));
            assertThat(found.get(afterR3)).isEqualTo(new Neighbours(Optional.of(r3.point()), Optional.of(r5.point())));
        }

        @Test
        void seeOnlyTheOrganizationsReadings() {
            NeighbourProbe probe = new NeighbourProbe(out, hours(2));

            assertThat(ports.readings().neighbours(otherOrg, List.of(probe), List.of()).get(probe))
                    .isEqualTo(new Neighbours(Optional.empty(), Optional.of(point(hours(2.5), "110"))));
            assertThat(ports.readings().neighbours(org, List.of(), List.of())).isEmpty();
        }
    }

    @Nested
    class MatchingAndPrune {
        @Test
        void findMatchingSelectsByEveryCriterion() {
            MeterId m = MeterId.random();
            CounterId c1 = CounterId.random();
            CounterId c2 = CounterId.random();
            Reading a = with(reading(m, c1, Direction.FEED_OUT, hours(1), "1"), ReadingSource.ERP, null, "e1", Map.of("k", "v1"));
            Reading b = with(reading(m, c1, Direction.FEED_OUT, hours(2), "2"), ReadingSource.ERP, null, "e2", Map.of("k", "v2", "z", "1"));
            Reading c = with(reading(m, c2, Direction.FEED_IN, hours(1), "3"), ReadingSource.ERP, null, "e1", Map.of("k", "v1"));
            ports.readings().insert(org, List.of(b, c, a));
            ports.readings().insert(otherOrg, List.of(a));
            List<Reading> atOneHour = c1.toString().compareTo(c2.toString()) < 0 ? List.of(a, c) : List.of(c, a);

            List<List<Reading>> found = ports.readings().findMatching(org, List.of(
                    new ReadingMatch(m, null, null, null, "e1", null),
                    new ReadingMatch(null, c1, Direction.FEED_OUT, hours(2), null, null),
                    new ReadingMatch(null, null, null, null, null, Map.of("k", "v1")),
                    new ReadingMatch(m, null, null, null, null, Map.of("z", "1", "k", "v2")),
                    new ReadingMatch(m, null, null, null, "nope", null),
                    new ReadingMatch(null, c1, null, null, null, null),
                    new ReadingMatch(null, c1, Direction.FEED_OUT, hours(2).plusNanos(1), null, null),
                    new ReadingMatch(m, null, null, null, "e2", null)));

            assertThat(found).containsExactly(atOneHour, List.of(b), atOneHour, List.of(b), List.of(), List.of(a, b), List.of(), List.of(b));
            assertThat(ports.readings().findMatching(otherOrg, List.of(new ReadingMatch(m, null, null, null, "e2", null))))
                    .containsExactly(List.of());
        }

        @Test
        void findMatchingByWholeKeysOfOneSeriesSelectsTheReadingAtEachKeyOfTheGivenMeter() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Reading a = reading(m, c, Direction.FEED_OUT, hours(1), "1");
            Reading b = reading(m, c, Direction.FEED_OUT, hours(3), "3");
            Reading other = reading(m, c, Direction.FEED_IN, hours(2), "2");
            ports.readings().insert(org, List.of(a, b, other));
            ports.readings().insert(otherOrg, List.of(reading(m, c, Direction.FEED_OUT, hours(2), "9")));

            List<List<Reading>> found = ports.readings().findMatching(org, List.of(
                    new ReadingMatch(m, c, Direction.FEED_OUT, hours(3), null, null),
                    new ReadingMatch(m, c, Direction.FEED_OUT, hours(2), null, null),
                    new ReadingMatch(MeterId.random(), c, Direction.FEED_OUT, hours(1), null, null),
                    new ReadingMatch(m, c, Direction.FEED_OUT, hours(1), null, null),
                    new ReadingMatch(m, c, Direction.FEED_OUT, hours(3), null, null),
                    new ReadingMatch(m, c, Direction.FEED_OUT, hours(1).plusNanos(1), null, null),
                    new ReadingMatch(m, c, Direction.FEED_OUT, hours(4), null, null)));

            // another org's reading at 2 h, the feed-in reading at 2 h, another meter and a finer instant select nothing
            assertThat(found).containsExactly(List.of(b), List.of(), List.of(), List.of(a), List.of(b), List.of(), List.of());
        }

        @Test
        void findMatchingRefusesAnEmptyMatch() {
            assertThatThrownBy(() -> ports.readings().findMatching(org, List.of(new ReadingMatch(null, null, null, null, null, Map.of()))))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        private record PruneFixture(MeterId meter, CounterId c1, CounterId c2, MeterId otherMeter) {}

        private PruneFixture pruneFixture() {
            PruneFixture f = new PruneFixture(MeterId.random(), CounterId.random(), CounterId.random(), MeterId.random());
            ports.readings().insert(org, List.of(
                    with(reading(f.meter(), f.c1(), Direction.FEED_OUT, hours(1), "1"), ReadingSource.ERP, null, "a", Map.of()),
                    with(reading(f.meter(), f.c1(), Direction.FEED_OUT, hours(2), "2"), ReadingSource.ERP, null, "b", Map.of()),
                    with(reading(f.meter(), f.c1(), Direction.FEED_OUT, hours(3), "3"), ReadingSource.ECP, null, "c", Map.of()),
                    with(reading(f.meter(), f.c1(), Direction.FEED_OUT, hours(4), "4"), ReadingSource.ERP, null, null, Map.of()),
                    with(reading(f.meter(), f.c1(), Direction.FEED_IN, hours(4), "4"), ReadingSource.ECP, null, null, Map.of()),
                    with(reading(f.meter(), f.c2(), Direction.FEED_OUT, hours(1), "1"), ReadingSource.ERP, null, "a", Map.of()),
                    with(reading(f.meter(), f.c2(), Direction.FEED_OUT, hours(2), "2"), ReadingSource.ERP, null, null, Map.of()),
                    with(reading(f.otherMeter(), CounterId.random(), Direction.FEED_OUT, hours(1), "1"), ReadingSource.ERP, null, "x", Map.of())));
            ports.readings().insert(otherOrg, List.of(
                    with(reading(f.meter(), f.c1(), Direction.FEED_OUT, hours(2), "2"), ReadingSource.ERP, null, "b", Map.of())));
            return f;
        }

        private List<String> remaining(PruneFixture f) {
            List<Reading> left = new ArrayList<>(all(org, f.c1()));
            left.addAll(all(org, f.c2()));
            return left.stream().map(r -> (r.counterId().equals(f.c1()) ? "c1:" : "c2:") + r.direction().code() + ":" + r.externalId()).toList();
        }

        @Test
        void pruneOfAMeterDeletesUnlistedExternalIdsAndKeepsReadingsWithoutOne() {
            PruneFixture f = pruneFixture();
            PruneScope scope = new PruneScope(f.meter(), null, null, Set.of("a", "zzz"));

            PruneCounts dry = ports.readings().prune(org, scope, true);
            assertThat(remaining(f)).hasSize(7);
            PruneCounts real = ports.readings().prune(org, scope, false);

            assertThat(dry).isEqualTo(new PruneCounts(2, 5));
            assertThat(real).isEqualTo(dry);
            assertThat(remaining(f)).containsExactlyInAnyOrder("c1:feed-out:a", "c1:feed-out:null", "c1:feed-in:null",
                    "c2:feed-out:a", "c2:feed-out:null");
            assertThat(all(otherOrg, f.c1())).hasSize(1);
            assertThat(ports.readings().findMatching(org, List.of(new ReadingMatch(f.otherMeter(), null, null, null, null, null))).get(0))
                    .hasSize(1);
        }

        @Test
        void pruneWithCounterAndSourceAlsoDeletesReadingsWithoutExternalId() {
            PruneFixture f = pruneFixture();
            PruneScope scope = new PruneScope(f.meter(), f.c1(), ReadingSource.ERP, Set.of("a"));

            PruneCounts dry = ports.readings().prune(org, scope, true);
            PruneCounts real = ports.readings().prune(org, scope, false);

            assertThat(dry).isEqualTo(new PruneCounts(2, 1));
            assertThat(real).isEqualTo(dry);
            assertThat(remaining(f)).containsExactlyInAnyOrder("c1:feed-out:a", "c1:feed-out:c", "c1:feed-in:null",
                    "c2:feed-out:a", "c2:feed-out:null");
        }

        @Test
        void pruneWithAnEmptyKeepListAndAnotherOrganization() {
            PruneFixture f = pruneFixture();

            assertThat(ports.readings().prune(otherOrg, new PruneScope(f.meter(), null, null, Set.of()), true))
                    .isEqualTo(new PruneCounts(1, 0));
            assertThat(ports.readings().prune(org, new PruneScope(f.meter(), f.c2(), null, Set.of()), false))
                    .isEqualTo(new PruneCounts(1, 1));
            assertThat(remaining(f)).contains("c2:feed-out:null").doesNotContain("c2:feed-out:a");
            assertThat(ports.readings().prune(org, new PruneScope(MeterId.random(), null, ReadingSource.ERP, Set.of()), false))
                    .isEqualTo(new PruneCounts(0, 0));
        }

        @Test
        void pruneReturningDeletesWhatAPruneDeletesAndReturnsThoseReadingsAsStored() {
            PruneFixture f = pruneFixture();
            PruneScope scope = new PruneScope(f.meter(), null, null, Set.of("a", "zzz"));
            PruneCounts dry = ports.readings().prune(org, scope, true);

            List<Reading> deleted = ports.readings().pruneReturning(org, scope);

            assertThat(deleted).hasSize((int) dry.deleted());
            assertThat(deleted).allSatisfy(r -> assertThat(r.externalId()).isNotNull().isNotEqualTo("a"));
            assertThat(remaining(f)).containsExactlyInAnyOrder("c1:feed-out:a", "c1:feed-out:null", "c1:feed-in:null",
                    "c2:feed-out:a", "c2:feed-out:null");
            assertThat(all(otherOrg, f.c1())).hasSize(1);

            // another organization's prune of the same meter id returns and deletes only its own reading
            assertThat(ports.readings().pruneReturning(otherOrg, new PruneScope(f.meter(), null, null, Set.of()))).hasSize(1);
            assertThat(all(otherOrg, f.c1())).isEmpty();
            assertThat(remaining(f)).hasSize(5);
        }
    }
}
