package io.metering.bootstrap.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Direct access to a service's database, for reading what is stored without going through the
 * service under test.
 *
 * @param jdbcUrl the server's {@code postgres} database
 * @param password the {@code postgres} user's password
 */
record TestDatabase(String jdbcUrl, String password) {

    /** The embedded store of a service: its port, and the password it keeps in its data directory. */
    static TestDatabase embedded(Path dataDir, int port) {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try {
            return new TestDatabase(url, Files.readString(dataDir.resolve("db-password"), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("the service keeps no database password in " + dataDir, e);
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", password);
    }
}
