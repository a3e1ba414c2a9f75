package io.metering.bootstrap.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Child process of {@link EmbeddedDatabaseRestartTest}: starts the embedded store, commits one row,
 * says READY and waits to be killed.
 */
public final class KilledServiceChild {
    private KilledServiceChild() {}

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), 0);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.execute("create table if not exists survivor(id int primary key)");
            s.execute("insert into survivor values (" + args[1] + ")");
        }
        System.out.println("READY " + db.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
