package io.metering.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.javalin.Javalin;
import io.metering.adapters.http.HttpAddOns;
import io.metering.adapters.http.HttpApi;
import io.metering.adapters.http.HttpSettings;
import io.metering.adapters.http.LivenessCheck;
import io.metering.adapters.http.auth.Authenticator;
import io.metering.adapters.http.observe.HttpObservability;
import io.metering.adapters.http.observe.ManagementApp;
import io.metering.adapters.web.WebPortal;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.application.port.in.imports.ImportReadingsUseCase;
import io.metering.application.port.in.imports.ImportMeteredDataUseCase;
import io.metering.application.port.in.imports.ImportUseCases;
import io.metering.application.port.in.counter.LocateCountersUseCase;
import io.metering.application.port.in.UseCases;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.OperationsConfiguration;
import io.metering.bootstrap.db.EmbeddedDatabase;
import io.metering.bootstrap.db.PostgresDataVersion;
import io.metering.bootstrap.db.PostmasterWatchdog;
import io.metering.bootstrap.metrics.CountingUseCases;
import io.metering.bootstrap.metrics.Metrics;
import io.metering.bootstrap.metrics.PendingChangesets;
import io.metering.application.service.events.ChangeEventRetention;
import io.metering.application.service.imports.ImportJobService;
import io.metering.application.service.write.WriteListener;
import io.metering.application.port.out.WebhookSender;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: the store (embedded or external PostgreSQL), the use cases over it and the
 * HTTP API, started in that order and stopped in the reverse order. The embedded PostgreSQL is
 * watched and started again if it dies ({@link PostmasterWatchdog}); {@code GET /health} reports the
 * process not live only when that fails for long.
 */
public final class MeteringServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MeteringServer.class);

    private final Optional<EmbeddedDatabase> embedded;
    private final PostgresPersistence persistence;
    private final UseCases useCases;
    private final ImportReadingsUseCase importer;
    private final LocateCountersUseCase locator;
    private final ExecutorService importThread;
    private final ImportMeteredDataUseCase metered;
    private final ImportJobService importJobs;
    private final Javalin http;
    private final OperationsConfiguration ops;
    private final Metrics metrics;
    private final Optional<Javalin> management;
    private final EventPurge purge;
    private final WebhookWorker webhooks;

    private MeteringServer(Optional<EmbeddedDatabase> embedded, PostgresPersistence persistence, UseCases useCases,
            ImportReadingsUseCase importer, LocateCountersUseCase locator, ImportMeteredDataUseCase metered,
            ExecutorService importThread, ImportJobService importJobs, Javalin http, OperationsConfiguration ops, Metrics metrics,
            EventPurge purge, WebhookWorker webhooks) {
        this.purge = purge;
        this.webhooks = webhooks;
        this.metered = metered;
        this.importThread = importThread;
        this.importJobs = importJobs;
        this.embedded = embedded;
        this.persistence = persistence;
        this.useCases = useCases;
        this.importer = importer;
        this.locator = locator;
        this.http = http;
        this.ops = ops;
        this.metrics = metrics;
        this.management = ops.managementPort().map(port -> ManagementApp.create(ops.metricsToken(), metrics::scrape));
    }

    /**
     * Starts the store and the use cases, without the HTTP API listening yet.
     *
     * @param config the configuration
     * @param clock the clock every service reads time from
     * @param authenticator verifies bearer tokens
     * @return the started server; call {@link #listen()} to serve HTTP
     */
    public static MeteringServer start(Configuration config, Clock clock, Authenticator authenticator) {
        return start(config, OperationsConfiguration.defaults(), clock, authenticator);
    }

    /**
     * Starts the store and the use cases, without the HTTP API listening yet.
     *
     * @param config the configuration
     * @param ops the interface to bind, metrics and the log format (docs/operations.md)
     * @param clock the clock every service reads time from
     * @param authenticator verifies bearer tokens
     * @return the started server; call {@link #listen()} to serve HTTP
     */
    public static MeteringServer start(Configuration config, OperationsConfiguration ops, Clock clock, Authenticator authenticator) {
        long started = System.nanoTime();
        if (config.embeddedStore()) {
            PostgresDataVersion.requireBundled(config.dataDir(), BuildInfo.current().postgresMajor());
        }
        // the store (server, pool, migrations) opens on its own thread while this one builds what needs no store
        CompletableFuture<OpenedStore> opening = CompletableFuture.supplyAsync(() -> OpenedStore.open(config),
                StartupPrefetch.thread("store-start"));
        Metrics metrics;
        WebhookSender sender;
        try {
            StartupPrefetch.run(); // first: the store thread's first statements want what it prepares
            metrics = new Metrics();
            sender = Wiring.webhookSender(config.webhooks());
        } catch (RuntimeException e) {
            opening.thenAccept(OpenedStore::close); // a store that still opens is closed
            throw e;
        }
        OpenedStore store;
        try {
            store = opened(opening);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        Optional<EmbeddedDatabase> embedded = store.embedded();
        try {
            HikariDataSource dataSource = store.dataSource();
            metrics.bind(dataSource);
            metrics.product().pendingChangesets(dataSource, PendingChangesets::count);
            // an external database is the operator's to run: its outage is a readiness matter only
            LivenessCheck liveness = embedded
                    .map(db -> (LivenessCheck) db.watch(clock, () -> {
                        metrics.product().databaseRestarted();
                        dropPooledConnections(dataSource);
                    })::failure)
                    .orElse(LivenessCheck.ALWAYS_LIVE);
            PostgresPersistence persistence = store.persistence();
            WriteListener changes = Wiring.changes(persistence, clock, config.events());
            UseCases useCases = CountingUseCases.wrap(Wiring.useCases(persistence, clock, config.businessZone(), changes),
                    metrics.product());
            ImportReadingsUseCase importer = CountingUseCases.wrap(Wiring.importer(persistence, clock, config.businessZone(), changes),
                    metrics.product());
            LocateCountersUseCase locator = Wiring.locator(persistence, clock, config.businessZone());
            ExecutorService importThread = Wiring.importThread();
            ImportMeteredDataUseCase metered = Wiring.meteredImporter(persistence, clock, config.businessZone(), importer, locator);
            ImportJobService importJobs = Wiring.importJobs(persistence, clock, config.businessZone(), importer, metered, locator,
                    importThread);
            HttpAddOns addOns = HttpAddOns.none()
                    .withObservability(new HttpObservability(metrics.registry(), ops.metricsToken(), metrics::scrape))
                    .withImports(new ImportUseCases(importJobs, Wiring.intervalValues(persistence, clock, config.businessZone())))
                    .withEvents(Wiring.eventFeed(persistence))
                    .withWebhooks(Wiring.webhooks(persistence, config.webhooks(), sender, clock), clock)
                    .withExtensions(web -> WebPortal.install(web, config.web()));
            Javalin http = HttpApi.create(new HttpSettings(config.businessZone(), config.maxBodyBytes()), authenticator, useCases,
                    persistence::isHealthy, liveness, addOns);
            EventPurge purge = new EventPurge(new ChangeEventRetention(persistence.events(), clock, config.events().retention()));
            MeteringServer server = new MeteringServer(embedded, persistence, useCases, importer, locator, metered, importThread,
                    importJobs, http, ops, metrics, purge, new WebhookWorker(Wiring.webhookDelivery(persistence, config.webhooks(), sender,
                            clock), config.webhooks().requestBound().plusSeconds(2)));
            LOG.info("Store and use cases ready in {} ms (storage: {})", (System.nanoTime() - started) / 1_000_000,
                    persistence.mode());
            return server;
        } catch (RuntimeException e) {
            store.close();
            metrics.close();
            throw e;
        }
    }

    /** The store once opened; its opening's own exception when it failed. */
    private static OpenedStore opened(CompletableFuture<OpenedStore> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Every pooled connection went to the server that died: the pool replaces them as they are next
     * used or returned, instead of handing them out to fail one request each.
     */
    private static void dropPooledConnections(HikariDataSource pool) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean != null && !pool.isClosed()) {
            bean.softEvictConnections();
        }
    }

    /**
     * Starts serving HTTP.
     *
     * @param port the port, 0 for any free port
     * @return the port served
     */
    public int listen(int port) {
        // only a serving process runs import jobs: what a killed one left running shows as failed
        int interrupted = importJobs.failUnfinished();
        if (interrupted > 0) {
            LOG.warn("{} import job(s) were queued or running when the service stopped; they are marked failed", interrupted);
        }
        String host = ops.httpHost().orElse(null);
        purge.start();
        webhooks.start(); // only a serving process delivers, like import jobs
        http.start(host, port);
        metrics.bindJvmFigures(); // after the start: not part of the time to ready
        LOG.info("Metering API listening on http://{}:{} (docs: /docs)", ops.httpHost().orElse("localhost"), http.port());
        management.ifPresent(m -> {
            m.start(host, ops.managementPort().orElseThrow());
            LOG.info("Metrics served on management port {}", m.port());
        });
        return http.port();
    }

    /** The management port served, when one is configured and listening. */
    public Optional<Integer> managementPort() {
        return management.map(Javalin::port);
    }

    /** The use cases, for the demo loader. */
    public UseCases useCases() {
        return useCases;
    }

    /** The bulk import of readings, for the {@code import} command. */
    public ImportReadingsUseCase importer() {
        return importer;
    }

    /** The service's database, for backup and restore. */
    public javax.sql.DataSource dataSource() {
        return persistence.dataSource();
    }

    /** Finds meters and counters by the keys users have, for the {@code import} command. */
    public LocateCountersUseCase counterLocator() {
        return locator;
    }

    /** The import of market messages (MSCONS), for the {@code import} command. */
    public ImportMeteredDataUseCase meteredImporter() {
        return metered;
    }

    /** The port served, once listening. */
    public int port() {
        return http.port();
    }

    /** Stops HTTP (letting in-flight requests finish), then the store. */
    @Override
    public void close() {
        try {
            management.ifPresent(Javalin::stop);
            http.stop();
            purge.close();
            webhooks.close();
            importThread.shutdownNow(); // a running import's transaction rolls back as the store stops
        } finally {
            metrics.close();
            try {
                persistence.close();
            } finally {
                embedded.ifPresent(EmbeddedDatabase::close);
            }
        }
        LOG.info("Metering stopped");
    }
}
