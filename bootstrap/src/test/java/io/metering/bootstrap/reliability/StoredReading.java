package io.metering.bootstrap.reliability;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of the {@code reading} table as the tests read it, straight from the database (not through
 * the service under test).
 */
record StoredReading(String meterId, String counterId, String direction, Instant timestamp, BigDecimal value, String source,
        String reason, String status, String externalId) {

    /** Whether this reading starts a new segment (docs/domain.md#writing-readings). */
    boolean startsSegment() {
        return "meter_change".equals(reason) || "meter_adjustment".equals(reason);
    }

    /** Every reading of an organization. */
    static List<StoredReading> all(TestDatabase db, String org) {
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement("SELECT meter_id, counter_id, direction, ts, value, source, reason, status,"
                        + " external_id FROM reading WHERE org_id = ? ORDER BY counter_id, direction, ts")) {
            s.setString(1, org);
            List<StoredReading> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredReading(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getBigDecimal(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the stored readings failed", e);
        }
    }
}
