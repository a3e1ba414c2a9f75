package io.metering.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;

/** The entry point's mode, health and lifecycle, and the pool factory. */
class PostgresPersistenceTest {
    @Test
    void prepareNeedsNoDatabase() {
        assertThatCode(PostgresPersistence::prepare).doesNotThrowAnyException();
    }

    @Test
    @DisabledIf("io.metering.adapters.persistence.SharedPostgres#onTimescale")
    void runsPlainPostgresWhereTimescaleIsNotOffered() {
        StorageMode mode = SharedPostgres.persistence().mode();

        assertThat(mode).isInstanceOf(StorageMode.PlainPostgres.class);
        assertThat(mode.serverVersion()).startsWith("17.");
        assertThat(((StorageMode.PlainPostgres) mode).reason()).contains("not available");
        assertThat(mode.describe()).startsWith("plain PostgreSQL 17.").isEqualTo(mode.toString());
    }

    @Test
    void saysWhenTimescaleIsDisabled() {
        String database = SharedPostgres.newDatabase();
        try (PostgresPersistence p = PostgresPersistence.start(
                DataSources.pooled(SharedPostgres.jdbcUrl(database), "postgres", null, 2),
                new PersistenceSettings(false, Duration.ofDays(7)))) {
            assertThat(p.mode()).isEqualTo(new StorageMode.PlainPostgres(p.mode().serverVersion(), "TimescaleDB disabled by configuration"));
        }
    }

    @Test
    void isHealthyUntilClosedAndClosesItsPool() {
        HikariDataSource pool = DataSources.pooled(SharedPostgres.jdbcUrl(SharedPostgres.newDatabase()), "postgres", null, 2);
        PostgresPersistence p = PostgresPersistence.start(pool, PersistenceSettings.defaults());

        assertThat(p.isHealthy()).isTrue();
        p.close();
        p.close();

        assertThat(pool.isClosed()).isTrue();
        assertThat(p.isHealthy()).isFalse();
    }

    @Test
    void isUnhealthyWhenTheDatabaseCannotBeReached() {
        HikariDataSource pool = DataSources.pooled(SharedPostgres.jdbcUrl(SharedPostgres.newDatabase()), "postgres", null, 2);
        try (PostgresPersistence p = PostgresPersistence.start(pool, PersistenceSettings.defaults())) {
            pool.close(); // behind the adapter's back: every connection attempt now fails

            assertThat(p.isHealthy()).isFalse();
        }
    }

    @Test
    void poolsRewriteBatchesAndRefuseNonsense() {
        try (HikariDataSource pool = DataSources.pooled(SharedPostgres.jdbcUrl("postgres"), "postgres", null, 3)) {
            assertThat(pool.getMaximumPoolSize()).isEqualTo(3);
            assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");
            assertThat(DataSources.startsReadCommitted(pool)).isTrue();
            String planCacheMode = org.jdbi.v3.core.Jdbi.create(pool)
                    .withHandle(h -> h.createQuery("SHOW plan_cache_mode").mapTo(String.class).one());
            assertThat(planCacheMode).isEqualTo("force_generic_plan");
        }
        com.zaxxer.hikari.HikariConfig other = new com.zaxxer.hikari.HikariConfig();
        other.setJdbcUrl(SharedPostgres.jdbcUrl("postgres"));
        other.setUsername("postgres");
        try (HikariDataSource plain = new HikariDataSource(other)) {
            assertThat(DataSources.startsReadCommitted(plain)).as("isolation left to the server").isFalse();
        }
        assertThatThrownBy(() -> DataSources.pooled("jdbc:mysql://localhost/x", "u", "p", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataSources.pooled(SharedPostgres.jdbcUrl("postgres"), "u", "p", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAPoolTooSmallToMigrate() {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(SharedPostgres.jdbcUrl("postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(1);
        try (HikariDataSource tiny = new HikariDataSource(config)) {
            assertThatThrownBy(() -> PostgresPersistence.start(tiny, PersistenceSettings.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("too small");
        }
    }

    @Test
    void settingsRefuseTinyChunks() {
        assertThat(PersistenceSettings.defaults()).isEqualTo(new PersistenceSettings(true, Duration.ofDays(365)));
        assertThatThrownBy(() -> new PersistenceSettings(true, Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class);
    }
}
