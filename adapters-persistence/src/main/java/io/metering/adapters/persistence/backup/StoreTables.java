package io.metering.adapters.persistence.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service's tables as the database describes them: every table of the current schema but
 * Flyway's history, with its columns, ordered so that a table comes after the tables its foreign
 * keys reference. Read from the catalog, so tables added by later migrations are backed up without
 * a change here.
 */
final class StoreTables {
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private StoreTables() {}

    static List<BackupManifest.Table> list(Connection c) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT c.table_name, c.column_name
                FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> ?
                  AND c.is_generated = 'NEVER'
                ORDER BY c.table_name, c.ordinal_position""")) {
            s.setString(1, FLYWAY_HISTORY);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT child.relname, parent.relname
                FROM pg_constraint k
                JOIN pg_class child ON child.oid = k.conrelid
                JOIN pg_class parent ON parent.oid = k.confrelid
                JOIN pg_namespace n ON n.oid = child.relnamespace
                WHERE k.contype = 'f' AND n.nspname = current_schema()""");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                references.computeIfAbsent(rs.getString(1), t -> new LinkedHashSet<>()).add(rs.getString(2));
            }
        }
        List<BackupManifest.Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < columns.size()) {
            boolean progress = false;
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                String name = table.getKey();
                Set<String> needs = references.getOrDefault(name, Set.of());
                if (!placed.contains(name) && needs.stream().allMatch(p -> p.equals(name) || placed.contains(p) || !columns.containsKey(p))) {
                    ordered.add(new BackupManifest.Table(name, List.copyOf(table.getValue())));
                    placed.add(name);
                    progress = true;
                }
            }
            if (!progress) {
                throw new BackupException("the tables' foreign keys form a cycle; no restore order exists");
            }
        }
        return ordered;
    }

    /** The newest applied migration's version, e.g. {@code 4}. */
    static String schemaVersion(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM " + FLYWAY_HISTORY
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new BackupException("the database has no migrated schema");
            }
            return rs.getString(1);
        }
    }

    /** A quoted identifier. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
