package io.metering.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Bytes per stored reading (issue 19): the service's reading table and its indexes on disk,
 * divided by its rows, against the raw minimum of the same columns, the average heap tuple of a
 * reading ({@code pg_column_size} of the row, tuple header included) plus its 4-byte line pointer,
 * from a 1 % block sample so it stays fast at 100 million rows.
 */
final class Footprint {
    /** Bytes on disk (table with TOAST, indexes) and the raw minimum per row. */
    record Result(long rows, long tableBytes, long indexBytes, double rawBytesPerRow) {
        double tablePerRow() {
            return (double) tableBytes / rows;
        }

        double indexesPerRow() {
            return (double) indexBytes / rows;
        }
    }

    private Footprint() {}

    /** @param rows the table's rows, counted by the caller (a count takes minutes at 100 million) */
    static Result measure(Db db, String database, long rows) throws SQLException {
        try (Connection c = db.connect(database); Statement s = c.createStatement()) {
            long table;
            long indexes;
            if (single(s, "SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'").longValue() > 0
                    && single(s, "SELECT count(*) FROM timescaledb_information.hypertables WHERE hypertable_name = 'reading'").longValue() > 0) {
                // a hypertable's own relation is empty: its chunks hold rows and indexes
                table = single(s, "SELECT table_bytes + coalesce(toast_bytes, 0) FROM hypertable_detailed_size('reading')").longValue();
                indexes = single(s, "SELECT index_bytes FROM hypertable_detailed_size('reading')").longValue();
            } else {
                table = single(s, "SELECT pg_table_size('reading')").longValue();
                indexes = single(s, "SELECT pg_indexes_size('reading')").longValue();
            }
            Number sampled = single(s, "SELECT avg(pg_column_size(r.*)) FROM reading r TABLESAMPLE SYSTEM (1)");
            // a small table may give an empty 1 % sample: then every row
            Number tuple = sampled != null ? sampled : single(s, "SELECT avg(pg_column_size(r.*)) FROM reading r");
            return new Result(rows, table, indexes, tuple.doubleValue() + 4);
        }
    }

    private static Number single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return (Number) rs.getObject(1);
        }
    }
}
