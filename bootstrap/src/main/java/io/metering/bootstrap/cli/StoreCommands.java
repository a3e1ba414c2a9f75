package io.metering.bootstrap.cli;

import io.metering.adapters.http.auth.JwtAuthenticator;
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
    private StoreCommands() {}

    /** @return the started store, empty after printing why it could not start */
    static Optional<MeteringServer> start(PrintStream err) {
        try {
            Configuration config = Configuration.from(System.getenv());
            Clock clock = Clock.systemUTC();
            return Optional.of(MeteringServer.start(config, clock, new JwtAuthenticator(Serving.jwtSettings(config), clock)));
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
