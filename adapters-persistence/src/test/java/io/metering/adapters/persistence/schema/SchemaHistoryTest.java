package io.metering.adapters.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.SharedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A start leaves Flyway out only when the schema history holds exactly this build's migrations
 * ({@link SchemaHistory}); every other history goes through Flyway's migrate and validate.
 */
class SchemaHistoryTest {

    private static HikariDataSource newDatabase() {
        return DataSources.pooled(SharedPostgres.jdbcUrl(SharedPostgres.newDatabase()), SharedPostgres.USER, null, 2);
    }

    private static List<String> recorded(HikariDataSource db) throws SQLException {
        try (Connection c = db.getConnection()) {
            return SchemaHistory.recorded(c);
        }
    }

    private static void execute(HikariDataSource db, String sql) {
        Jdbi.create(db).useHandle(h -> h.execute(sql));
    }

    @Test
    void theListIsWhatFlywayRecordsWhenItAppliesThisBuildsMigrations() throws SQLException {
        try (HikariDataSource db = newDatabase()) {
            assertThat(Migrations.migrate(db)).as("an empty database is migrated by Flyway").isTrue();

            assertThat(SchemaHistory.expected())
                    .as("src/main/resources/io/metering/adapters/persistence/schema/%s must hold these lines (a migration was"
                            + " added or changed):%n%s", SchemaHistory.RESOURCE, String.join("\n", recorded(db)))
                    .isEqualTo(recorded(db))
                    .hasSizeGreaterThanOrEqualTo(13);
        }
    }

    @Test
    void aCurrentSchemaIsLeftWithoutFlywayAndKeepsItsHistory() throws SQLException {
        try (HikariDataSource db = newDatabase()) {
            Migrations.migrate(db);
            List<String> before = recorded(db);

            assertThat(SchemaHistory.isCurrent(db)).isTrue();
            assertThat(Migrations.migrate(db)).isFalse();
            assertThat(recorded(db)).isEqualTo(before);
        }
    }

    @Test
    void noHistoryTableIsNotCurrent() {
        try (HikariDataSource db = newDatabase()) {
            assertThat(SchemaHistory.isCurrent(db)).isFalse();
        }
    }

    @Test
    void aFailedMigrationRowIsNotCurrent() {
        try (HikariDataSource db = newDatabase()) {
            Migrations.migrate(db);
            execute(db, "UPDATE flyway_schema_history SET success = false"
                    + " WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)");

            assertThat(SchemaHistory.isCurrent(db)).isFalse();
        }
    }

    @Test
    void aNewerSchemaIsNotCurrentAndFlywayDecides() {
        try (HikariDataSource db = newDatabase()) {
            Migrations.migrate(db);
            execute(db, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) SELECT max(installed_rank) + 1, '999', 'from a newer build', 'SQL',"
                    + " 'V999__from_a_newer_build.sql', 1, 'postgres', 1, true FROM flyway_schema_history");

            assertThat(SchemaHistory.isCurrent(db)).isFalse();
            assertThat(Migrations.migrate(db)).as("Flyway ran (and ignores a future migration, its default)").isTrue();
        }
    }

    @Test
    void anOlderSchemaIsNotCurrentAndFlywayBringsItUpToDate() throws SQLException {
        try (HikariDataSource db = newDatabase()) {
            Flyway.configure().dataSource(db).locations(Migrations.LOCATION).target("10").load().migrate();

            assertThat(SchemaHistory.isCurrent(db)).isFalse();
            assertThat(Migrations.migrate(db)).isTrue();
            assertThat(recorded(db)).isEqualTo(SchemaHistory.expected());
        }
    }

    @Test
    void aChangedChecksumIsNotCurrentAndFlywaysValidateRefusesIt() {
        try (HikariDataSource db = newDatabase()) {
            Migrations.migrate(db);
            execute(db, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'");

            assertThat(SchemaHistory.isCurrent(db)).isFalse();
            assertThatThrownBy(() -> Migrations.migrate(db)).isInstanceOf(FlywayException.class);
        }
    }
}
