package io.metering.bootstrap.reliability;

import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.OperationsConfiguration;
import io.metering.testing.FreePorts;
import io.metering.testing.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The real service in the test JVM: {@link MeteringServer} with its configuration read from
 * environment-style settings, serving HTTP on a free port. With the embedded store (the default) its
 * PostgreSQL listens on a port the test chose, so the test can read the tables directly.
 */
final class InProcessService implements AutoCloseable {
    private final MeteringServer server;
    private final Path dataDir;
    private final int dbPort;
    private final Http http;

    private InProcessService(MeteringServer server, Path dataDir, int dbPort) {
        this.server = server;
        this.dataDir = dataDir;
        this.dbPort = dbPort;
        this.http = new Http("http://127.0.0.1:" + server.port());
    }

    /**
     * @param dataDir the data directory
     * @param settings further settings (e.g. {@code METERING_JDBC_URL}); they win over the defaults
     */
    static InProcessService start(Path dataDir, Map<String, String> settings) {
        int dbPort = FreePorts.free();
        Map<String, String> env = new HashMap<>();
        env.put("METERING_DATA_DIR", dataDir.toString());
        env.put("METERING_DB_PORT", Integer.toString(dbPort));
        env.put("METERING_JWT_SECRET", Tokens.SECRET);
        env.putAll(settings);
        Configuration config = Configuration.from(env);
        MeteringServer server = MeteringServer.start(config, OperationsConfiguration.from(env), Clock.systemUTC(), Tokens.authenticator());
        try {
            server.listen(0);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new InProcessService(server, dataDir, dbPort);
    }

    Http http() {
        return http;
    }

    /** The running server, for use cases the HTTP API does not offer (the bulk import). */
    MeteringServer server() {
        return server;
    }

    int httpPort() {
        return server.port();
    }

    /** The service's own pool of connections to its store. */
    javax.sql.DataSource dataSource() {
        return server.dataSource();
    }

    /** The embedded store (only meaningful when no external database is configured). */
    TestDatabase embeddedDatabase() {
        return TestDatabase.embedded(dataDir, dbPort);
    }

    @Override
    public void close() {
        server.close();
    }

}
