package io.metering.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.port.out.LockedMeters;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code lockForReadingWrite} serializes writers of one counter and lets writers of different
 * counters run in parallel (docs/architecture.md#persistence). Waiting is proven by the server itself:
 * the second writer's backend shows up in {@code pg_stat_activity} waiting on a lock.
 */
class CounterLockTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final PostgresPersistence p = SharedPostgres.persistence();
    private final Jdbi observer = Jdbi.create(SharedPostgres.adminDataSource());
    private final OrganizationId org = new OrganizationId("lock-" + UUID.randomUUID());
    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final CountDownLatch firstHoldsLock = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private MeterId meter;
    private CounterId c;
    private CounterId d;

    @BeforeEach
    void counters() {
        Meter m = Meter.builder(MeterId.random(), org, T0).build();
        p.meters().insert(m);
        meter = m.id();
        c = CounterId.random();
        d = CounterId.random();
        p.counters().insert(Counter.builder(c, org, meter, T0).build());
        p.counters().insert(Counter.builder(d, org, meter, T0).build());
    }

    @AfterEach
    void stop() {
        releaseFirst.countDown();
        pool.shutdownNow();
    }

    private Reading reading(CounterId counter, int hour) {
        return new Reading(meter, counter, Direction.FEED_OUT, T0.plusSeconds(3600L * hour), new BigDecimal(hour), ReadingSource.ERP,
                null, null, null, null, null, null, null, Map.of());
    }

    /** The first writer: locks the counter, waits to be released, then writes and commits. */
    private Future<Object> holdLock(CounterId counter) throws InterruptedException {
        Future<Object> first = pool.submit(() -> p.transactions().inTransaction(() -> {
            p.counters().lockForReadingWrite(org, List.of(counter));
            firstHoldsLock.countDown();
            await(releaseFirst);
            p.readings().insert(org, List.of(reading(counter, 1)));
            return null;
        }));
        assertThat(firstHoldsLock.await(10, TimeUnit.SECONDS)).as("first writer holds the lock").isTrue();
        return first;
    }

    private long count(CounterId counter) {
        return p.series().count(org, counter, Optional.empty(), Instant.MIN, Instant.MAX);
    }

    @Test
    void writersOfOneCounterSerialize() throws Exception {
        Future<Object> first = holdLock(c);

        Future<Long> second = pool.submit(() -> p.transactions().inTransaction(() -> {
            p.counters().lockForReadingWrite(org, List.of(d, c));
            // after the lock, READ COMMITTED shows what the first writer committed
            return count(c);
        }));

        assertWaitsThenSeesTheFirstWrite(first, second);
    }

    @Test
    void lockingWithMetersWaitsForTheCounterLockAndThenSeesTheCommittedWrite() throws Exception {
        Future<Object> first = holdLock(c);

        Future<Long> second = pool.submit(() -> p.transactions().inTransaction(() -> {
            LockedMeters locked = p.counters().lockWithMeters(org, List.of(meter));
            assertThat(locked.meters()).extracting(Meter::id).containsExactly(meter);
            assertThat(locked.counters()).extracting(Counter::id).contains(c, d);
            return count(c);
        }));

        assertWaitsThenSeesTheFirstWrite(first, second);
    }

    @Test
    void writersOfDifferentCountersDoNotWait() throws Exception {
        Future<Object> first = holdLock(c);

        Long written = pool.submit(() -> p.transactions().inTransaction(() -> {
            p.counters().lockForReadingWrite(org, List.of(d));
            p.readings().insert(org, List.of(reading(d, 1)));
            return count(d);
        })).get(10, TimeUnit.SECONDS);

        assertThat(written).isEqualTo(1);
        assertThat(first.isDone()).isFalse();
        assertThat(p.counters().findById(org, c)).as("readers never wait for the lock").isPresent();
        assertThat(count(c)).isZero();
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
    }

    @Test
    void overlappingCounterSetsInOppositeOrderNeverDeadlock() throws Exception {
        List<Future<Object>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            List<CounterId> order = w == 0 ? List.of(c, d) : List.of(d, c);
            int offset = w * 100;
            writers.add(pool.submit(() -> {
                for (int i = 1; i <= 25; i++) {
                    int hour = offset + i;
                    p.transactions().inTransaction(() -> {
                        p.counters().lockForReadingWrite(org, order);
                        p.readings().insert(org, List.of(reading(c, hour), reading(d, hour)));
                        return null;
                    });
                }
                return null;
            }));
        }

        for (Future<Object> w : writers) {
            w.get(60, TimeUnit.SECONDS);
        }
        assertThat(count(c)).isEqualTo(50);
        assertThat(count(d)).isEqualTo(50);
    }

    /** The second writer waits on the lock until the first commits, then counts its reading. */
    private void assertWaitsThenSeesTheFirstWrite(Future<Object> first, Future<Long> second) throws Exception {
        awaitBackendWaitingOnLock();
        assertThat(second.isDone()).isFalse();
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    private void awaitBackendWaitingOnLock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            boolean waiting = observer.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM pg_stat_activity"
                            + " WHERE wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE%')")
                    .mapTo(Boolean.class).one());
            if (waiting) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second writer never waited on the counter lock");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
