package io.metering.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.ds.PGSimpleDataSource;

/** Raw JDBC to the benchmarked server: the database's own speed, no service in between. */
final class Db {
    private final String host;
    private final int port;
    private final java.util.function.Supplier<String> password;

    /** @param password the password of user postgres, asked when connecting (null or empty: none) */
    Db(String host, int port, java.util.function.Supplier<String> password) {
        this.host = host;
        this.port = port;
        this.password = password;
    }

    /** The password of user postgres, or null. */
    String password() {
        String p = password.get();
        return p == null || p.isEmpty() ? null : p;
    }

    /** The JDBC URL of a database, with the driver's batch rewriting on (as the service's pool has it). */
    String url(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?reWriteBatchedInserts=true";
    }

    Connection connect(String database) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url(database));
        ds.setUser("postgres");
        ds.setPassword(password());
        return ds.getConnection();
    }

    /** Drops and creates a database. */
    void recreate(String database) throws SQLException {
        drop(database);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    /** Drops a database if it exists. */
    void drop(String database) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** The server's postmaster process id (from its data directory, which must be on this machine). */
    long postmaster() throws SQLException, java.io.IOException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            return Cpu.postmaster(java.nio.file.Path.of(rs.getString(1)));
        }
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
