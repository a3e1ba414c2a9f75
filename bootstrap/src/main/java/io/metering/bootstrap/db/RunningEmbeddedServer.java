package io.metering.bootstrap.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The embedded PostgreSQL server a running service keeps on its data directory, found from outside
 * the service (for {@code metering backup} beside the running service): its port from the data
 * directory's {@code postmaster.pid}, its password from the data directory.
 *
 * @param jdbcUrl the JDBC URL of its {@code postgres} database on 127.0.0.1
 * @param user the database user
 * @param password the password
 */
public record RunningEmbeddedServer(String jdbcUrl, String user, String password) {
    /**
     * @param dataDir the service's data directory
     * @return the server serving it, empty when none runs
     */
    public static Optional<RunningEmbeddedServer> of(Path dataDir) {
        Path pgData = dataDir.resolve("pgdata");
        try {
            if (StalePostmaster.find(pgData).isEmpty()) {
                return Optional.empty();
            }
            // postmaster.pid: pid, data directory, start time, port, ... (PostgreSQL's pidfile.h)
            List<String> lines = Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            int port = Integer.parseInt(lines.get(3).trim());
            return Optional.of(new RunningEmbeddedServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                    DatabasePassword.resolve(dataDir)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            // a server still writing its pid file: treated as not running yet
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        // the password never reaches logs
        return "RunningEmbeddedServer[" + jdbcUrl + "]";
    }
}
