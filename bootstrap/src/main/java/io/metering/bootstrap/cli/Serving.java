package io.metering.bootstrap.cli;

import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.adapters.http.auth.JwtSettings;
import io.metering.bootstrap.BuildInfo;
import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.ConfigurationException;
import io.metering.bootstrap.config.OperationsConfiguration;
import io.metering.bootstrap.config.TokenSettings;
import io.metering.bootstrap.db.EmbeddedDatabaseException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the service, runs a step before it listens, and keeps it running until the JVM is asked to
 * stop; the shutdown hook then stops HTTP (in-flight requests finish) and the store, cleanly.
 */
final class Serving {
    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    private Serving() {}

    /** Settings shared by the commands that verify tokens; creates the development secret if needed. */
    static JwtSettings jwtSettings(Configuration config) {
        return TokenSettings.of(config);
    }

    /** Settings with a given HS256 secret, for minting tokens the running service accepts. */
    static JwtSettings jwtSettings(Configuration config, byte[] secret) {
        return TokenSettings.of(config, Optional.of(secret));
    }

    /** Fails before the database starts when the HTTP port is taken, instead of after migrations. */
    private static void requireFreePort(int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(port)) {
            probe.setReuseAddress(true);
        } catch (java.io.IOException e) {
            throw new ConfigurationException("port " + port + " is in use; stop the other process or set METERING_HTTP_PORT");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? message : e.getMessage() + " (" + message + ")";
    }

    /**
     * @param beforeListening work on the started server before HTTP serves (e.g. loading demo data)
     * @param afterListening work once HTTP serves (e.g. printing tokens)
     * @return the exit status: 0 after a clean stop, 1 when the service could not start
     */
    static int run(Consumer<MeteringServer> beforeListening, Consumer<MeteringServer> afterListening) {
        Configuration config;
        MeteringServer server;
        try {
            config = Configuration.from(System.getenv());
            OperationsConfiguration ops = OperationsConfiguration.from(System.getenv());
            LOG.info("Starting metering {} with {}, {}", BuildInfo.current().version(), config, ops);
            requireFreePort(config.httpPort());
            Clock clock = Clock.systemUTC();
            server = MeteringServer.start(config, ops, clock, new JwtAuthenticator(jwtSettings(config), clock));
        } catch (ConfigurationException | EmbeddedDatabaseException | IllegalArgumentException e) {
            // IllegalArgumentException: token settings the HTTP adapter refuses (e.g. an unreadable JWK set file)
            LOG.error("Cannot start: {}", e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // e.g. an unreachable external database or a malformed JDBC URL: one line, details at debug
            LOG.error("Cannot start: {}", rootMessage(e));
            LOG.debug("Start failure", e);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping");
            try {
                server.close();
            } finally {
                stopped.countDown();
            }
        }, "metering-shutdown"));
        try {
            beforeListening.accept(server);
            server.listen(config.httpPort());
            afterListening.accept(server);
        } catch (RuntimeException e) {
            LOG.error("Cannot start: {}", e.getMessage(), e);
            return 1;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
