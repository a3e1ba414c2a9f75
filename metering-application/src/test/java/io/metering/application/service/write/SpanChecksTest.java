package io.metering.application.service.write;

import io.metering.application.service.TestServices;

import io.metering.application.service.ServiceWorld;
import io.metering.application.service.TestContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.metering.application.fakes.InMemoryStore;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.application.port.out.NeighbourProbe;
import io.metering.application.port.out.Neighbours;
import io.metering.application.port.out.PruneCounts;
import io.metering.application.port.out.PruneScope;
import io.metering.application.port.out.ReadingMatch;
import io.metering.application.port.out.ReadingRepository;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.MeteringException;
import io.metering.domain.error.ReasonCode;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Checking a batch at its spans' boundaries decides exactly as probing every reading does: the same
 * readings stored and the same rejection, whatever the stored history (implausible readings and
 * segment starts included) and the batch.
 */
class SpanChecksTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void decidesLikePerReadingProbes() {
        qt().withExamples(400).forAll(
                lists().of(integers().between(0, 30)).ofSizeBetween(0, 8),
                lists().of(integers().between(0, 30)).ofSizeBetween(1, 6),
                integers().between(0, 1000))
                .checkAssert((storedHours, batchHours, seed) -> assertThat(outcome(storedHours, batchHours, seed, true))
                        .isEqualTo(outcome(storedHours, batchHours, seed, false)));
    }

    /** Stored readings and the rejection, if any. */
    private record Outcome(List<String> stored, Optional<ReasonCode> rejected) {}

    private static Outcome outcome(List<Integer> storedHours, List<Integer> batchHours, int seed, boolean spans) {
        InMemoryStore store = new InMemoryStore();
        ReadingRepository readings = spans ? store : new WithoutSpans(store);
        ServiceWorld w = new ServiceWorld();
        TestContext ctx = new TestContext(store, store, store, readings, store, store, w.clock, ServiceWorld.BERLIN);
        ServiceWorld setup = new ServiceWorld();
        Meter m = TestServices.meterAdministration(ctx, WriteListener.NONE).create(setup.admin, null,
                MeterChanges.builder().sector(ServiceWorld.set(Sector.POWER)).build());
        Counter c = TestServices.counterAdministration(ctx, WriteListener.NONE).create(setup.admin, m.id(), null, CounterChanges.builder()
                .obisNumber(ServiceWorld.set("1-0:1.8.0")).direction(ServiceWorld.set(Direction.FEED_OUT)).build());
        // stored history: value 10 x hour; now and then implausible (a slip) or a segment start
        storedHours.stream().distinct().sorted().forEach(h -> {
            boolean slip = (h + seed) % 7 == 0;
            boolean segment = (h + seed) % 11 == 0;
            store.upsert(ServiceWorld.ORG, List.of(new Reading(m.id(), c.id(), Direction.FEED_OUT, T0.plus(Duration.ofHours(h)),
                    BigDecimal.valueOf(slip ? 99_999 : h * 10L), ReadingSource.ERP, segment ? ReadingReason.METER_CHANGE : null, null,
                    slip ? ReadingStatus.IMPLAUSIBLE : null, null, null, null, null, Map.of())));
        });
        List<ReadingInput> batch = new ArrayList<>();
        for (int i = 0; i < batchHours.size(); i++) {
            int h = batchHours.get(i);
            long value = Math.max(0, h * 10L + 5 - ((i + seed) % 3 == 2 ? 17 : 0));
            batch.add(ServiceWorld.reading(m, c, T0.plus(Duration.ofHours(h)).toString(), String.valueOf(value)).build());
        }
        Optional<ReasonCode> rejected = Optional.empty();
        try {
            TestServices.recordReadingsService(ctx, PlausibilityProvider.NONE).record(new RecordReadingsCommand(setup.admin,
                    batch,
                    WriteOptions.DEFAULT));
        } catch (MeteringException e) {
            rejected = Optional.of(e.reason());
        }
        List<String> stored = store.range(ServiceWorld.ORG, c.id(), Optional.empty(), Instant.MIN, Instant.MAX,
                io.metering.application.model.SortOrder.ASC, new io.metering.application.model.PageRequest(0, -1)).stream()
                .map(r -> r.timestamp() + "=" + r.value().toPlainString() + "/" + r.status()).toList();
        return new Outcome(stored, rejected);
    }

    /** The store without its span answers, as a store that cannot tell them: every write probes per reading. */
    private record WithoutSpans(InMemoryStore store) implements ReadingRepository {
        @Override
        public void insert(OrganizationId org, List<Reading> readings) {
            store.insert(org, readings);
        }

        @Override
        public void upsert(OrganizationId org, List<Reading> readings) {
            store.upsert(org, readings);
        }

        @Override
        public int delete(OrganizationId org, Collection<ReadingKey> keys) {
            return store.delete(org, keys);
        }

        @Override
        public Map<ReadingKey, Reading> findByKeys(OrganizationId org, Collection<ReadingKey> keys) {
            return store.findByKeys(org, keys);
        }

        @Override
        public Map<NeighbourProbe, Neighbours> neighbours(OrganizationId org, Collection<NeighbourProbe> probes,
                Collection<ReadingKey> excluded) {
            return store.neighbours(org, probes, excluded);
        }

        @Override
        public List<List<Reading>> findMatching(OrganizationId org, List<ReadingMatch> matches) {
            return store.findMatching(org, matches);
        }

        @Override
        public PruneCounts prune(OrganizationId org, PruneScope scope, boolean dryRun) {
            return store.prune(org, scope, dryRun);
        }

        @Override
        public List<Reading> pruneReturning(OrganizationId org, PruneScope scope) {
            return store.pruneReturning(org, scope);
        }
    }
}
