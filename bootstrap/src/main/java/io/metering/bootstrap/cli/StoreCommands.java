package io.metering.bootstrap.cli;

import io.metering.adapters.http.auth.AuthenticationException;
import io.metering.adapters.http.auth.Authenticator;
import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.ConfigurationException;
import io.metering.bootstrap.db.EmbeddedDatabaseException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code backup} and {@code restore} commands share: the configured store started without
 * HTTP (with the embedded store the service must be stopped: its data directory admits one process),
 * and the per-table summary.
 */
final class StoreCommands {
    /**
     * The commands serve no requests, so they verify no tokens: resolving the signing secret would
     * create a development {@code jwt-secret} in the data directory, which a restore's note tells the
     * operator to copy from the old store instead.
     */
    private static final Authenticator NO_TOKENS = token -> {
        throw new AuthenticationException("backup and restore verify no tokens");
    };

    private StoreCommands() {}

    /** @return the started store, empty after printing why it could not start */
    static Optional<MeteringServer> start(PrintStream err) {
        try {
            Configuration config = Configuration.from(System.getenv());
            Clock clock = Clock.systemUTC();
            return Optional.of(MeteringServer.start(config, clock, NO_TOKENS));
        } catch (ConfigurationException | EmbeddedDatabaseException | IllegalArgumentException e) {
            err.println("Cannot start: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** @return {@code meter 4, counter 9, ...} */
    static String summary(Map<String, Long> rows) {
        StringBuilder sb = new StringBuilder();
        rows.forEach((table, n) -> sb.append(sb.isEmpty() ? "" : ", ").append(table).append(' ').append(n));
        return sb.toString();
    }
}
