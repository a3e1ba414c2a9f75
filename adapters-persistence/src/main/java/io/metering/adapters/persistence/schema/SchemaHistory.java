package io.metering.adapters.persistence.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema history Flyway leaves after applying exactly this build's migrations: one line per
 * migration, {@code version<TAB>type<TAB>checksum<TAB>description}, in the order applied, kept in
 * the resource {@value #RESOURCE} beside this class. {@code SchemaHistoryTest} migrates an empty
 * database and fails when the resource differs from what Flyway recorded, so a migration added or
 * changed without the list fails the build.
 *
 * <p>A start on an existing database compares the list with {@code flyway_schema_history} in one
 * query and leaves Flyway out when both are the same: Flyway's validate scans the jar for the
 * migrations and parses each, a good part of a start (docs/benchmarks.md, "Start-up").
 */
final class SchemaHistory {
    /** The list, a classpath resource relative to this class. */
    static final String RESOURCE = "applied-migrations.txt";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaHistory.class);
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String QUERY = "SELECT version, type, checksum, description, success FROM flyway_schema_history"
            + " ORDER BY installed_rank";

    private SchemaHistory() {}

    /** This build's migrations as Flyway records them, in the order applied. */
    static List<String> expected() {
        try (InputStream in = SchemaHistory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        lines.add(line);
                    }
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The database's schema history in the form of {@link #expected()}; a row of a failed migration
     * reads {@code FAILED} in front, so it never equals a line of the list.
     *
     * @throws SQLException as the query fails, {@code 42P01} when there is no history table
     */
    static List<String> recorded(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(QUERY)) {
            while (rs.next()) {
                String row = rs.getString(1) + "\t" + rs.getString(2) + "\t" + rs.getString(3) + "\t" + rs.getString(4);
                rows.add(rs.getBoolean(5) ? row : "FAILED " + row);
            }
        }
        return rows;
    }

    /**
     * Whether the database holds exactly this build's migrations, each applied successfully with
     * the checksum of this build's file. Anything else (no history table, a failed, missing, extra
     * or changed migration, a newer schema, a query that fails) answers false: Flyway then decides.
     */
    static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return recorded(connection).equals(expected());
        } catch (SQLException e) {
            if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                LOG.debug("Reading the schema history failed; Flyway checks the schema", e);
            }
            return false;
        }
    }
}
