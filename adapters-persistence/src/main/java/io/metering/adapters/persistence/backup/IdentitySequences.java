package io.metering.adapters.persistence.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves the sequence behind every identity or serial column of the schema past the highest value a
 * restore copied in. COPY writes the restored ids as they were but leaves their sequences at the
 * start, so without this the first new row (a webhook attempt, an outbox row) would collide with a
 * restored key and its write would fail until the sequence passed the restored ids. Read from the
 * catalog, so columns added by later migrations are covered without a change here.
 */
final class IdentitySequences {
    private IdentitySequences() {}

    /**
     * @param c the restore's connection, inside its transaction, after the rows are copied
     * @return how many sequences were moved (one per column that holds restored values)
     */
    static int advance(Connection c) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name)
                FROM information_schema.columns
                WHERE table_schema = current_schema()
                  AND pg_get_serial_sequence(quote_ident(table_name), column_name) IS NOT NULL""");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        int moved = 0;
        try (Statement s = c.createStatement()) {
            for (String[] col : columns) {
                // setval(seq, max, true): the next value is max + 1; a column with no rows keeps its start
                try (ResultSet rs = s.executeQuery("SELECT setval('" + col[2].replace("'", "''") + "', max("
                        + StoreTables.quote(col[1]) + ")) FROM " + StoreTables.quote(col[0]) + " HAVING max("
                        + StoreTables.quote(col[1]) + ") IS NOT NULL")) {
                    if (rs.next()) {
                        moved++;
                    }
                }
            }
        }
        return moved;
    }
}
