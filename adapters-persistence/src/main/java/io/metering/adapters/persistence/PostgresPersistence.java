package io.metering.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.metering.adapters.persistence.jdbi.JdbiChangeEventStore;
import io.metering.adapters.persistence.jdbi.JdbiChangesetRepository;
import io.metering.adapters.persistence.jdbi.JdbiCounterRepository;
import io.metering.adapters.persistence.jdbi.JdbiMeterRepository;
import io.metering.adapters.persistence.jdbi.JdbiImportJobRepository;
import io.metering.adapters.persistence.jdbi.JdbiIntervalValueStore;
import io.metering.adapters.persistence.jdbi.JdbiReadingBulkStore;
import io.metering.adapters.persistence.jdbi.JdbiReadingRepository;
import io.metering.adapters.persistence.jdbi.JdbiReadingSeriesQueries;
import io.metering.adapters.persistence.jdbi.JdbiTransactions;
import io.metering.adapters.persistence.jdbi.JdbiWebhookStore;
import io.metering.adapters.persistence.schema.Migrations;
import io.metering.adapters.persistence.schema.TimescaleSetup;
import io.metering.application.port.out.ChangeEventStore;
import io.metering.application.port.out.ChangesetRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.ImportJobRepository;
import io.metering.application.port.out.IntervalValueStore;
import io.metering.application.port.out.ReadingBulkStore;
import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.WebhookStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.Mappers;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence adapter: every outgoing port of the application over PostgreSQL (with TimescaleDB
 * when the server offers it), sharing one {@link Transactions} so that repositories called inside
 * its work take part in its transaction.
 */
public final class PostgresPersistence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresPersistence.class);

    /**
     * How long {@link #isHealthy()} waits for the database before answering "not ready": within the
     * default one-second probe timeout of Kubernetes, so a hanging database reads as not ready
     * rather than as a probe that timed out.
     */
    public static final Duration READINESS_DEADLINE = Duration.ofMillis(900);

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final StorageMode mode;
    private final JdbiTransactions transactions;
    private final JdbiMeterRepository meters;
    private final JdbiCounterRepository counters;
    private final JdbiReadingRepository readings;
    private final JdbiReadingSeriesQueries series;
    private final JdbiChangesetRepository changesets;
    private final JdbiReadingBulkStore bulk;
    private final JdbiImportJobRepository importJobs;
    private final JdbiIntervalValueStore intervals;
    private final JdbiChangeEventStore events;
    private final JdbiWebhookStore webhooks;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReadinessProbe readiness = new ReadinessProbe(this::selectOne, READINESS_DEADLINE);

    private PostgresPersistence(DataSource dataSource, Jdbi jdbi, StorageMode mode) {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
        this.mode = mode;
        this.transactions = new JdbiTransactions(jdbi, DataSources.startsReadCommitted(dataSource));
        this.meters = new JdbiMeterRepository(transactions);
        this.counters = new JdbiCounterRepository(transactions);
        this.readings = new JdbiReadingRepository(transactions);
        this.series = new JdbiReadingSeriesQueries(transactions);
        this.changesets = new JdbiChangesetRepository(transactions);
        this.bulk = new JdbiReadingBulkStore(transactions);
        this.importJobs = new JdbiImportJobRepository(transactions);
        this.intervals = new JdbiIntervalValueStore(transactions);
        this.events = new JdbiChangeEventStore(transactions);
        this.webhooks = new JdbiWebhookStore(transactions);
    }

    /**
     * Migrates the schema (Flyway), then converts readings to a TimescaleDB hypertable when the
     * server offers the extension and the settings allow it, and logs the storage mode.
     *
     * @param dataSource the database; {@link #close()} closes it if it is closeable. On failure it
     *     stays open and is the caller's to close.
     * @param settings storage settings
     * @return the started adapter
     * @throws IllegalArgumentException if the data source is a HikariCP pool of fewer than
     *     {@value DataSources#MIN_POOL_SIZE} connections, on which the migrations would wait forever
     * @throws org.flywaydb.core.api.FlywayException if the migrations fail
     * @throws org.jdbi.v3.core.JdbiException if the database cannot be reached or refuses the step
     */
    public static PostgresPersistence start(DataSource dataSource, PersistenceSettings settings) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(settings, "settings");
        if (dataSource instanceof HikariDataSource pool && pool.getMaximumPoolSize() < DataSources.MIN_POOL_SIZE) {
            throw new IllegalArgumentException("a pool of " + pool.getMaximumPoolSize() + " connection(s) is too small: the migrations"
                    + " hold " + DataSources.MIN_POOL_SIZE + " at once");
        }
        Migrations.migrate(dataSource);
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new PostgresPlugin());
        StorageMode mode = TimescaleSetup.apply(jdbi, settings);
        LOG.info("Storage mode: {}", mode.describe());
        return new PostgresPersistence(dataSource, jdbi, mode);
    }

    /**
     * Loads and initializes Jdbi with the PostgreSQL plugin and the column mappers the start's
     * storage-mode probe uses, without a database, so that {@link #start} finds them ready; for a
     * start-up that has time to spare while its database starts (docs/benchmarks.md, "Start-up").
     */
    public static void prepare() {
        initializeFlightRecorderSupport();
        Jdbi jdbi = Jdbi.create(() -> {
            throw new SQLException("no database while preparing");
        }).installPlugin(new PostgresPlugin());
        Mappers mappers = jdbi.getConfig(Mappers.class);
        Stream.of(String.class, Boolean.class, Long.class).forEach(mappers::findFor);
    }

    /**
     * Jdbi registers its flight-recorder event the first time a statement runs (its {@code JfrSupport}
     * class), about 100 ms of CPU that otherwise falls on the store's first statement. Initializing
     * that class here, on another thread, cannot deadlock: every use of the event goes through it, so a
     * statement beside this waits for the class's initialization holding nothing the registration
     * needs (initializing the event class itself could: docs/benchmarks.md, "Start-up"). A Jdbi without
     * the class is left as it is.
     */
    private static void initializeFlightRecorderSupport() {
        try {
            Class.forName("org.jdbi.v3.core.statement.internal.JfrSupport", true, Jdbi.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // another Jdbi: its statements set up what they need themselves
        }
    }

    /** The database, for operations beside the repositories (backup and restore). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The transaction boundary the repositories join. */
    public Transactions transactions() {
        return transactions;
    }

    /** Meters. */
    public MeterRepository meters() {
        return meters;
    }

    /** Counters (registers). */
    public CounterRepository counters() {
        return counters;
    }

    /** Reading writes and key lookups. */
    public ReadingRepository readings() {
        return readings;
    }

    /** Time-series questions about readings. */
    public ReadingSeriesQueries series() {
        return series;
    }

    /** Pending changesets. */
    public ChangesetRepository changesets() {
        return changesets;
    }

    /** The bulk path for large imports (COPY). */
    public ReadingBulkStore bulk() {
        return bulk;
    }

    /** Import jobs of uploaded files. */
    public ImportJobRepository importJobs() {
        return importJobs;
    }

    /** Interval values (load profiles). */
    public IntervalValueStore intervals() {
        return intervals;
    }

    /** The outbox of change events (docs/events.md). */
    public ChangeEventStore events() {
        return events;
    }

    /** Webhook subscriptions, their delivery state and attempts. */
    public WebhookStore webhooks() {
        return webhooks;
    }

    /** The storage mode found at start. */
    public StorageMode mode() {
        return mode;
    }

    /**
     * A cheap check for readiness probes: one {@code SELECT 1} on a pooled connection, answered
     * within {@link #READINESS_DEADLINE} whatever the database does ({@link ReadinessProbe}).
     *
     * @return false on any error (no connection, timeout, closed pool), never throws
     */
    public boolean isHealthy() {
        return !closed.get() && readiness.ready();
    }

    private boolean selectOne() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").setQueryTimeout(1)
                    .mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            LOG.debug("Database health check failed", e);
            return false;
        }
    }

    /** Closes the data source if it is closeable; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        readiness.close();
        if (!(dataSource instanceof AutoCloseable closeable)) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the data source failed", e);
        }
    }
}
