package io.metering.adapters.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.persistence.StorageMode;
import io.metering.adapters.persistence.StorageMode.TimescaleLicense;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The decisions of the TimescaleDB step, against a scripted catalog: when it converts, what it
 * leaves alone on restart, and how it falls back. (Its SQL runs against a real TimescaleDB only where
 * one is provisioned; {@link JdbiTimescaleCatalogTest} covers what plain PostgreSQL can answer.)
 */
class TimescaleSetupTest {
    private static final PersistenceSettings ON = PersistenceSettings.defaults();
    private static final PersistenceSettings OFF = new PersistenceSettings(false, Duration.ofDays(30));

    /** A database whose answers the test sets and whose actions it records. */
    private static final class ScriptedCatalog implements TimescaleCatalog {
        boolean available = true;
        String installed;
        boolean hypertable;
        boolean rows;
        boolean timeIndex;
        Duration interval = Duration.ZERO;
        String license = "apache";
        RuntimeException createFails;
        final List<String> actions = new ArrayList<>();

        @Override
        public String serverVersion() {
            return "15.8";
        }

        @Override
        public boolean extensionAvailable() {
            return available;
        }

        @Override
        public Optional<String> installedVersion() {
            return Optional.ofNullable(installed);
        }

        @Override
        public void createExtension() {
            actions.add("create extension");
            if (createFails != null) {
                throw createFails;
            }
            installed = "2.19.3";
        }

        @Override
        public String license() {
            return license;
        }

        @Override
        public boolean readingIsHypertable() {
            return hypertable;
        }

        @Override
        public boolean readingHasRows() {
            return rows;
        }

        @Override
        public void createReadingHypertable(String extensionVersion, Duration chunkInterval, boolean migrateData) {
            actions.add("create hypertable " + extensionVersion + " " + chunkInterval.toDays() + "d migrate=" + migrateData);
            hypertable = true;
            interval = chunkInterval;
        }

        @Override
        public boolean dropDefaultTimeIndex() {
            if (!timeIndex) {
                return false;
            }
            actions.add("drop reading_ts_idx");
            timeIndex = false;
            return true;
        }

        @Override
        public Duration readingChunkInterval() {
            return interval;
        }

        @Override
        public void setReadingChunkInterval(Duration chunkInterval) {
            actions.add("set interval " + chunkInterval.toDays() + "d");
            interval = chunkInterval;
        }
    }

    @Test
    void plainPostgresWhenTheExtensionIsNotOffered() {
        ScriptedCatalog db = new ScriptedCatalog();
        db.available = false;

        StorageMode mode = TimescaleSetup.apply(db, ON);

        assertThat(mode).isEqualTo(new StorageMode.PlainPostgres("15.8", "the timescaledb extension is not available on this server"));
        assertThat(db.actions).isEmpty();
    }

    @Test
    void convertsAnEmptyReadingTable() {
        ScriptedCatalog db = new ScriptedCatalog();

        StorageMode mode = TimescaleSetup.apply(db, ON);

        assertThat(db.actions).containsExactly("create extension", "create hypertable 2.19.3 365d migrate=false");
        assertThat(mode).isEqualTo(new StorageMode.Timescale("15.8", "2.19.3", TimescaleLicense.APACHE, Duration.ofDays(365)));
        assertThat(mode.describe()).isEqualTo("TimescaleDB 2.19.3 (apache license) on PostgreSQL 15.8, readings in a hypertable chunked by 365 days");
    }

    @Test
    void movesExistingRowsIntoChunks() {
        ScriptedCatalog db = new ScriptedCatalog();
        db.installed = "2.12.0";
        db.rows = true;
        db.license = "timescale";

        StorageMode mode = TimescaleSetup.apply(db, new PersistenceSettings(true, Duration.ofDays(7)));

        assertThat(db.actions).containsExactly("create hypertable 2.12.0 7d migrate=true");
        assertThat(((StorageMode.Timescale) mode).license()).isEqualTo(TimescaleLicense.TIMESCALE);
    }

    @Test
    void aRestartLeavesTheHypertableAndAdjustsOnlyTheChunkInterval() {
        ScriptedCatalog db = new ScriptedCatalog();
        TimescaleSetup.apply(db, ON);
        db.actions.clear();

        StorageMode same = TimescaleSetup.apply(db, ON);
        assertThat(db.actions).isEmpty();
        StorageMode changed = TimescaleSetup.apply(db, new PersistenceSettings(true, Duration.ofDays(7)));

        assertThat(db.actions).containsExactly("set interval 7d");
        assertThat(same.isTimescale()).isTrue();
        assertThat(((StorageMode.Timescale) changed).chunkInterval()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aRestartDropsTheDefaultTimeIndexOfAnOlderConversion() {
        ScriptedCatalog db = new ScriptedCatalog();
        TimescaleSetup.apply(db, ON);
        db.timeIndex = true;
        db.actions.clear();

        TimescaleSetup.apply(db, ON);
        TimescaleSetup.apply(db, ON);

        assertThat(db.actions).containsExactly("drop reading_ts_idx");
    }

    @Test
    void disabledByConfigurationUnlessAlreadyAHypertable() {
        ScriptedCatalog fresh = new ScriptedCatalog();
        assertThat(TimescaleSetup.apply(fresh, OFF)).isEqualTo(new StorageMode.PlainPostgres("15.8", "TimescaleDB disabled by configuration"));
        assertThat(fresh.actions).isEmpty();

        ScriptedCatalog converted = new ScriptedCatalog();
        TimescaleSetup.apply(converted, ON);
        converted.actions.clear();
        assertThat(TimescaleSetup.apply(converted, new PersistenceSettings(false, Duration.ofDays(7))).isTimescale()).isTrue();
        assertThat(converted.actions).isEmpty();
    }

    @Test
    void fallsBackWhenTheServerRefusesTheExtension() {
        ScriptedCatalog db = new ScriptedCatalog();
        db.createFails = new IllegalStateException("wrapped", new RuntimeException("extension \"timescaledb\" must be preloaded\nHINT: ..."));

        StorageMode mode = TimescaleSetup.apply(db, ON);

        assertThat(mode).isEqualTo(new StorageMode.PlainPostgres("15.8",
                "the timescaledb extension could not be created: extension \"timescaledb\" must be preloaded"));
        assertThat(db.actions).containsExactly("create extension");
    }

    @Test
    void readsExtensionVersions() {
        assertThat(TimescaleVersions.atLeast("2.13.0", 2, 13)).isTrue();
        assertThat(TimescaleVersions.atLeast("2.19.3", 2, 13)).isTrue();
        assertThat(TimescaleVersions.atLeast("3.0.0-dev", 2, 13)).isTrue();
        assertThat(TimescaleVersions.atLeast("2.12.2", 2, 13)).isFalse();
        assertThat(TimescaleVersions.atLeast("1.7.5", 2, 13)).isFalse();
        assertThat(TimescaleVersions.atLeast("garbage", 2, 13)).isFalse();
    }
}
