package io.metering.adapters.persistence.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.adapters.persistence.SharedPostgres;
import io.metering.application.model.ChangeEvent;
import io.metering.application.model.ChangeEventPage;
import io.metering.application.model.EventPosition;
import io.metering.application.model.RecordedChangeEvent;
import io.metering.domain.tenant.OrganizationId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A restore never breaks the feed's order (docs/events.md "Backup and restore"). Transaction ids
 * belong to one PostgreSQL cluster; a backup from a cluster far ahead is simulated by an event whose
 * position lies a billion transactions above this cluster's. After the restore, an event written
 * in the new store is served after every restored one to a consumer holding the last old cursor.
 */
class RestoredEventPositionsTest {
    private static final long AHEAD = 1_000_000_000L;
    private final OrganizationId org = new OrganizationId("restored-" + UUID.randomUUID());

    @Test
    void aNewEventIsServedAfterTheRestoredOnesToAConsumerHoldingTheLastOldCursor() throws IOException {
        String oldDatabase = SharedPostgres.newDatabase();
        ChangeEvent written = event("io.metering.reading.created");
        UUID fromAhead = UUID.randomUUID();
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        try (PostgresPersistence old = start(oldDatabase)) {
            appendInTransaction(old, written);
            Jdbi.create(old.dataSource()).useHandle(h -> h.createUpdate("INSERT INTO change_event (tx_id, org_id, made_at, actor,"
                            + " types, event_count, events) VALUES ((pg_current_xact_id()::text::bigint + :ahead)::text::xid8, :org, now(),"
                            + " 'admin', '{io.metering.reading.updated}', 1, :events)")
                    .bind("ahead", AHEAD).bind("org", org.value())
                    .bind("events", "[{\"id\": \"" + fromAhead + "\", \"type\": \"io.metering.reading.updated\", \"subject\": \"s\","
                            + " \"data\": {\"value\": 1.0}}]")
                    .execute());
            new StoreBackup(old.dataSource()).backup(backup, "test", Clock.systemUTC());
        }

        try (PostgresPersistence restored = start(SharedPostgres.newDatabase())) {
            new StoreBackup(restored.dataSource()).restore(new ByteArrayInputStream(backup.toByteArray()));

            ChangeEventPage before = restored.events().read(org, EventPosition.START, 10, Set.of());
            assertThat(before.events()).extracting(e -> e.event().id()).as("the restored events, in their order")
                    .containsExactly(written.id(), fromAhead);
            EventPosition lastOldCursor = before.next();
            assertThat(restored.events().isAheadOfFeed(lastOldCursor)).as("the old cursor is valid in the new store").isFalse();

            ChangeEvent after = event("io.metering.reading.deleted");
            appendInTransaction(restored, after);

            ChangeEventPage page = restored.events().read(org, lastOldCursor, 10, Set.of());
            assertThat(page.events()).extracting(RecordedChangeEvent::event).containsExactly(after);
            assertThat(page.events().get(0).position()).isGreaterThan(lastOldCursor);
            assertThat(restored.events().newest(org)).isEqualTo(page.next());
        }
    }

    @Test
    void aRestoreFromBehindThisClusterLeavesPositionsAsTheyAre() throws IOException {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        ChangeEvent written = event("io.metering.meter.created");
        try (PostgresPersistence old = start(SharedPostgres.newDatabase())) {
            appendInTransaction(old, written);
            new StoreBackup(old.dataSource()).backup(backup, "test", Clock.systemUTC());
        }
        try (PostgresPersistence restored = start(SharedPostgres.newDatabase())) {
            new StoreBackup(restored.dataSource()).restore(new ByteArrayInputStream(backup.toByteArray()));
            long offset = Jdbi.create(restored.dataSource())
                    .withHandle(h -> h.createQuery("SELECT tx_offset FROM change_event_epoch").mapTo(Long.class).one());
            assertThat(offset).as("this cluster's transaction ids are already above the restored positions").isZero();

            EventPosition last = restored.events().read(org, EventPosition.START, 10, Set.of()).next();
            ChangeEvent after = event("io.metering.meter.updated");
            appendInTransaction(restored, after);
            assertThat(restored.events().read(org, last, 10, Set.of()).events()).extracting(RecordedChangeEvent::event)
                    .containsExactly(after);
        }
    }

    private static PostgresPersistence start(String database) {
        return PostgresPersistence.start(DataSources.pooled(SharedPostgres.jdbcUrl(database), "postgres", null, 2),
                PersistenceSettings.defaults());
    }

    private static void appendInTransaction(PostgresPersistence p, ChangeEvent e) {
        p.transactions().inTransaction(() -> {
            p.events().append(List.of(e));
            return null;
        });
    }

    private ChangeEvent event(String type) {
        UUID id = UUID.randomUUID();
        return new ChangeEvent(id, org, type, "readings/" + id, Instant.parse("2026-03-01T10:15:30.123Z"), "admin:ops",
                "{\"value\": 1250.30}");
    }
}
