package io.metering.bootstrap.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Counts the changesets awaiting a decision (a changeset row lives until it is applied or
 * dismissed), for the {@code metering_changesets_pending} gauge. Read when Prometheus scrapes.
 */
public final class PendingChangesets {
    private PendingChangesets() {}

    /** @return how many there are in all organizations; NaN while the store cannot say (an outage) */
    public static double count(DataSource store) {
        try (Connection c = store.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM changeset")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
