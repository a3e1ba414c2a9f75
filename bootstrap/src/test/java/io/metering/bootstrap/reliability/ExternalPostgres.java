package io.metering.bootstrap.reliability;

import io.metering.testing.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A PostgreSQL server the test runs as the service's external database, on a fixed port and data
 * directory so that it can be stopped (fast shutdown: sessions are terminated) and started again at
 * the same address with the same data.
 */
final class ExternalPostgres implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private ExternalPostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a new server in the directory on a free port. */
    static ExternalPostgres start(Path dataDir) {
        ExternalPostgres pg = new ExternalPostgres(dataDir, FreePorts.free());
        pg.start();
        return pg;
    }

    /** Starts the server (again). */
    void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting the external PostgreSQL failed", e);
        }
    }

    /** Stops the server: pg_ctl fast shutdown, which terminates open sessions. */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping the external PostgreSQL failed", e);
        } finally {
            server = null;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Direct access; the test's server trusts local connections, as zonky sets it up. */
    TestDatabase database() {
        return new TestDatabase(jdbcUrl(), "");
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
