package io.metering.adapters.persistence.schema;

import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.persistence.StorageMode;
import io.metering.adapters.persistence.StorageMode.TimescaleLicense;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one runtime schema step beyond the migrations (docs/architecture.md#persistence): when the server
 * offers TimescaleDB, install the extension and make {@code reading} a hypertable on {@code ts};
 * otherwise run plain PostgreSQL on the same schema. Idempotent: on restart an existing hypertable
 * is recognised and only its chunk interval is brought to the settings.
 */
public final class TimescaleSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TimescaleSetup.class);

    private TimescaleSetup() {}

    /**
     * Runs the step after the migrations.
     *
     * @return the mode the service runs in
     */
    public static StorageMode apply(Jdbi jdbi, PersistenceSettings settings) {
        return apply(new JdbiTimescaleCatalog(jdbi), settings);
    }

    static StorageMode apply(TimescaleCatalog db, PersistenceSettings settings) {
        String server = db.serverVersion();
        Optional<String> installed = db.installedVersion();
        // A hypertable cannot turn back into a plain table, so it is reported whatever the settings say.
        if (installed.isPresent() && db.readingIsHypertable()) {
            if (db.dropDefaultTimeIndex()) {
                LOG.info("Dropped reading_ts_idx: no query reads readings by time alone, and it slowed every insert");
            }
            if (settings.timescaleWhenAvailable() && !db.readingChunkInterval().equals(settings.chunkInterval())) {
                LOG.info("Setting the chunk interval of new reading chunks to {}", settings.chunkInterval());
                db.setReadingChunkInterval(settings.chunkInterval());
            }
            return timescale(db, server, installed.get());
        }
        if (!settings.timescaleWhenAvailable()) {
            return new StorageMode.PlainPostgres(server, "TimescaleDB disabled by configuration");
        }
        if (installed.isEmpty()) {
            if (!db.extensionAvailable()) {
                return new StorageMode.PlainPostgres(server, "the timescaledb extension is not available on this server");
            }
            try {
                db.createExtension();
            } catch (RuntimeException e) {
                LOG.warn("The server offers TimescaleDB but the extension could not be created; running plain PostgreSQL."
                        + " Is timescaledb in shared_preload_libraries, and may this user create extensions?", e);
                return new StorageMode.PlainPostgres(server, "the timescaledb extension could not be created: " + rootMessage(e));
            }
            installed = db.installedVersion();
            if (installed.isEmpty()) {
                return new StorageMode.PlainPostgres(server, "the timescaledb extension did not install");
            }
        }
        boolean migrateData = db.readingHasRows();
        if (migrateData) {
            LOG.warn("Converting the existing reading table into a hypertable; moving its rows into chunks locks it until done");
        }
        db.createReadingHypertable(installed.get(), settings.chunkInterval(), migrateData);
        return timescale(db, server, installed.get());
    }

    private static StorageMode timescale(TimescaleCatalog db, String server, String version) {
        return new StorageMode.Timescale(server, version, TimescaleLicense.fromSetting(db.license()), db.readingChunkInterval());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).lines().findFirst().orElse("");
    }
}
