package io.metering.adapters.persistence.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.adapters.persistence.SharedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * After a restore, new rows of a table keyed by an identity get ids above the restored ones. A
 * newcomer restored a store whose webhook had delivered before: the first new attempt's insert hit
 * the restored key {@code webhook_attempt_pkey}, the delivery was saved as failed and the event was
 * sent twice.
 */
class RestoredIdentitiesTest {
    private static final String ORG = "identities-" + UUID.randomUUID();

    @Test
    void newAttemptsAfterARestoreGetIdsAboveTheRestoredOnes() throws IOException {
        UUID subscription = UUID.randomUUID();
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        long restoredMax;
        try (PostgresPersistence old = start()) {
            restoredMax = Jdbi.create(old.dataSource()).withHandle(h -> {
                h.createUpdate("INSERT INTO webhook_subscription (id, org_id, url, enabled, created_at, updated_at, secret, cursor,"
                                + " next_attempt_at) VALUES (:id, :org, 'https://erp.example/hook', true, now(), now(), 'whsec_x', '', now())")
                        .bind("id", subscription).bind("org", ORG).execute();
                for (int i = 0; i < 3; i++) {
                    attempt(h, subscription);
                }
                return h.createQuery("SELECT max(id) FROM webhook_attempt").mapTo(Long.class).one();
            });
            new StoreBackup(old.dataSource()).backup(backup, "test", Clock.systemUTC());
        }

        try (PostgresPersistence restored = start()) {
            new StoreBackup(restored.dataSource()).restore(new ByteArrayInputStream(backup.toByteArray()));
            long next = Jdbi.create(restored.dataSource()).withHandle(h -> attempt(h, subscription));
            assertThat(next).as("the first attempt after the restore").isGreaterThan(restoredMax);
            long attempts = Jdbi.create(restored.dataSource())
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM webhook_attempt").mapTo(Long.class).one());
            assertThat(attempts).isEqualTo(4);
        }
    }

    private static long attempt(Handle h, UUID subscription) {
        return h.createQuery("INSERT INTO webhook_attempt (subscription_id, org_id, event_id, event_type, attempted_at, status,"
                        + " duration_ms) VALUES (:s, :org, 'evt', 'io.metering.reading.created', now(), 204, 5) RETURNING id")
                .bind("s", subscription).bind("org", ORG).mapTo(Long.class).one();
    }

    private static PostgresPersistence start() {
        return PostgresPersistence.start(DataSources.pooled(SharedPostgres.jdbcUrl(SharedPostgres.newDatabase()), "postgres", null, 2),
                PersistenceSettings.defaults());
    }
}
