package io.metering.bootstrap.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fingerprint of the stored data: per table of the service's schema, the row count and an MD5 of
 * all rows in text form, sorted. Two equal digests mean no row was added, removed or changed.
 */
final class DatabaseDigest {
    private DatabaseDigest() {}

    /** Every row of every table. */
    static Map<String, String> of(TestDatabase db) {
        return of(db, null);
    }

    /**
     * @param excludedOrg rows of this organization are left out (tables without {@code org_id} are
     *     digested whole); null for none
     */
    static Map<String, String> of(TestDatabase db, String excludedOrg) {
        Map<String, String> digest = new TreeMap<>();
        try (Connection c = db.connect()) {
            for (String table : tables(c)) {
                boolean byOrg = excludedOrg != null && hasOrgColumn(c, table);
                try (PreparedStatement s = c.prepareStatement("SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
                        + " FROM public.\"" + table + "\" t" + (byOrg ? " WHERE t.org_id <> ?" : ""))) {
                    if (byOrg) {
                        s.setString(1, excludedOrg);
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        digest.put(table, rs.getLong(1) + " rows, md5 " + rs.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("digesting the database failed", e);
        }
        return digest;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static boolean hasOrgColumn(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name = ? AND column_name = 'org_id'")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
