package io.metering.bootstrap.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;

/**
 * Closes the embedded server to other local users: it gets a random password, kept owner-only in
 * the data directory, and password authentication (scram-sha-256) for every connection. A new
 * cluster is created that way by initdb ({@link EmbeddedDatabase#cluster}); {@link #enforce}
 * converts clusters created by earlier versions, whose initdb trusted every local connection.
 */
final class DatabasePassword {
    private static final String FILE = "db-password";
    /** The authentication rules of the embedded server: passwords everywhere. */
    private static final List<String> HBA = List.of(
            "# written by metering: password authentication for every connection",
            "local   all   all                  scram-sha-256",
            "host    all   all   127.0.0.1/32   scram-sha-256",
            "host    all   all   ::1/128        scram-sha-256");

    private DatabasePassword() {}

    /** The owner-only file holding the server password, which initdb reads as its password file. */
    static Path file(Path dataDir) {
        return dataDir.resolve(FILE);
    }

    /** The server password: read from the data directory, created on first use. */
    static String resolve(Path dataDir) throws IOException {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random), StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException raced) {
                // another start created it first; read theirs
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    /**
     * Sets the password and switches the server to exactly these authentication rules, once: a
     * cluster from an earlier version may still trust local connections.
     */
    static void enforce(String jdbcUrl, String password, Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        if (Files.readAllLines(hba, StandardCharsets.UTF_8).equals(HBA)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", password);
                Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            // the password is base64url text, so it cannot break out of the literal
            s.execute("ALTER USER postgres PASSWORD '" + password + "'");
            Files.write(hba, HBA, StandardCharsets.UTF_8);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("could not set the embedded database password", e);
        }
    }
}
