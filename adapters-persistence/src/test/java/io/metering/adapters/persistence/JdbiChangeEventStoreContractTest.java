package io.metering.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.fakes.ChangeEventStoreContractTest;
import io.metering.application.model.ChangeEvent;
import io.metering.application.model.EventPosition;
import io.metering.application.model.RecordedChangeEvent;
import io.metering.application.port.out.ChangeEventStore;
import io.metering.application.port.out.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The change-event contract against PostgreSQL, and the ordering guarantee that only a real
 * database can show: a transaction that commits late never lands below a position a reader passed.
 */
class JdbiChangeEventStoreContractTest extends ChangeEventStoreContractTest {
    private final ExecutorService writers = Executors.newFixedThreadPool(2);

    @Override
    protected ChangeEventStore store() {
        return SharedPostgres.persistence().events();
    }

    @Override
    protected Transactions transactions() {
        return SharedPostgres.persistence().transactions();
    }

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Override
    protected void appendInTransaction(List<ChangeEvent> events) {
        super.appendInTransaction(events);
        awaitServerTransactions();
    }

    /**
     * Waits until no server process (autovacuum's ANALYZE, TimescaleDB's background jobs) holds a
     * transaction id. Such a transaction holds the feed's horizon back exactly as a writer's would,
     * which is the store's documented behaviour (docs/events.md, "What this costs"); these tests are
     * about the transactions they start themselves, so they read only once the server's own are over.
     */
    private static void awaitServerTransactions() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = SharedPostgres.persistence().dataSource().getConnection();
                PreparedStatement busy = c.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE backend_xid IS NOT NULL AND backend_type <> 'client backend'")) {
            while (true) {
                try (ResultSet r = busy.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime()).as("the server's own transactions end within 30 s").isLessThan(deadline);
                Thread.sleep(20);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A transaction on its own thread that has appended its event and waits to be told to commit. */
    private final class OpenTransaction {
        private final CountDownLatch appended = new CountDownLatch(1);
        private final CountDownLatch commit = new CountDownLatch(1);
        private final CompletableFuture<Void> done;

        OpenTransaction(ChangeEvent e) throws InterruptedException {
            done = CompletableFuture.runAsync(() -> transactions().inTransaction(() -> {
                store().append(List.of(e));
                appended.countDown();
                try {
                    assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ex);
                }
                return null;
            }), writers);
            assertThat(appended.await(30, TimeUnit.SECONDS)).as("appended").isTrue();
        }

        void commit() throws Exception {
            commit.countDown();
            done.get(30, TimeUnit.SECONDS);
            awaitServerTransactions();
        }
    }

    @Test
    void aLaterTransactionCommittingFirstIsHeldBackUntilTheEarlierOneEnds() throws Exception {
        ChangeEvent a = event(org, "io.metering.reading.created", T0);
        ChangeEvent b = event(org, "io.metering.reading.created", T0);
        OpenTransaction txA = new OpenTransaction(a);
        OpenTransaction txB = new OpenTransaction(b);

        txB.commit();
        var whileAOpen = store().read(org, EventPosition.START, 10, Set.of());
        assertThat(whileAOpen.events()).as("B is committed but A, which started before, is still open").isEmpty();
        assertThat(whileAOpen.next()).isEqualTo(EventPosition.START);

        txA.commit();
        var afterBoth = store().read(org, whileAOpen.next(), 10, Set.of());
        assertThat(afterBoth.events()).extracting(RecordedChangeEvent::event).containsExactly(a, b);
    }

    @Test
    void aCursorPassedByAReaderNeverGetsAnEventBelowIt() throws Exception {
        ChangeEvent first = event(org, "io.metering.reading.created", T0);
        appendInTransaction(List.of(first));
        ChangeEvent late = event(org, "io.metering.reading.updated", T0);
        OpenTransaction open = new OpenTransaction(late);
        ChangeEvent early = event(org, "io.metering.reading.deleted", T0);
        appendInTransaction(List.of(early));

        var seen = store().read(org, EventPosition.START, 10, Set.of());
        assertThat(seen.events()).extracting(RecordedChangeEvent::event).containsExactly(first);

        open.commit();
        var rest = store().read(org, seen.next(), 10, Set.of());
        assertThat(rest.events()).extracting(RecordedChangeEvent::event).containsExactly(late, early);
        assertThat(rest.events()).allSatisfy(e -> assertThat(e.position()).isGreaterThan(seen.next()));
    }
}
