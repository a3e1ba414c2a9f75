package io.metering.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Starting twice on the same database migrates once and keeps the data (a service restart). */
class MigrationRestartTest {
    private static PostgresPersistence start(String database, PersistenceSettings settings) {
        return PostgresPersistence.start(DataSources.pooled(SharedPostgres.jdbcUrl(database), "postgres", null, 2), settings);
    }

    @Test
    void secondStartFindsTheSchemaCurrentAndTheDataIntact() {
        String database = SharedPostgres.newDatabase();
        OrganizationId org = new OrganizationId("restart");
        Meter meter = Meter.builder(MeterId.random(), org, Instant.parse("2024-01-01T00:00:00Z")).title("kept").build();

        StorageMode firstMode;
        try (PostgresPersistence first = start(database, PersistenceSettings.defaults())) {
            first.meters().insert(meter);
            firstMode = first.mode();
            assertThat(first.mode().isTimescale()).isEqualTo(SharedPostgres.timescale());
        }
        try (PostgresPersistence second = start(database, PersistenceSettings.defaults())) {
            assertThat(second.meters().findById(org, meter.id())).contains(meter);
            assertThat(second.mode()).isEqualTo(firstMode);
        }

        List<String> history = Jdbi.create(SharedPostgres.jdbcUrl(database), "postgres", "")
                .withHandle(h -> h.createQuery("SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank")
                        .mapTo(String.class).list());
        assertThat(history).containsExactly("1:true", "2:true", "3:true", "4:true", "6:true", "6.1:true", "6.2:true", "7:true", "8:true", "9:true", "9.1:true", "10:true", "11:true");
    }
}
