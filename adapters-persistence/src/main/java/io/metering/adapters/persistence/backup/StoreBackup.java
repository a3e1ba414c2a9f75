package io.metering.adapters.persistence.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical backup of the service's tables and its restore, through the server the service uses
 * (embedded or external), so it needs no {@code pg_dump} and is independent of the PostgreSQL major
 * version: a backup taken on one major version restores on another.
 *
 * <p>The file is a ZIP: first {@value #MANIFEST} ({@link BackupManifest}), then one entry per table
 * with its rows in PostgreSQL's COPY text format, in restore order. The backup reads every table in
 * one REPEATABLE READ transaction, so it is a consistent snapshot even while the service writes.
 * The restore writes every table in one transaction into a store whose tables are empty: it stores
 * all or nothing, and never mixes a backup with other data; it lifts the change events' positions
 * above the restored ones ({@link EventPositionEpoch}), so consumers' cursors stay valid, and moves
 * every identity sequence past the restored ids ({@link IdentitySequences}).
 */
public final class StoreBackup {
    /** The manifest's entry name. */
    public static final String MANIFEST = "metering-backup.json";
    /** The file format this code writes and reads. */
    public static final int FORMAT = 1;
    private static final String TABLE_PREFIX = "tables/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource store;

    /** @param store the service's database, migrated */
    public StoreBackup(DataSource store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Writes a backup.
     *
     * @param out where the ZIP goes; left open
     * @param release the release writing it
     * @param clock the time of the backup
     * @return the rows written per table, in restore order
     * @throws BackupException if the database cannot be read
     * @throws IOException if the output fails
     */
    public Map<String, Long> backup(OutputStream out, String release, Clock clock) throws IOException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                List<BackupManifest.Table> tables = StoreTables.list(c);
                BackupManifest manifest = new BackupManifest(FORMAT, release, StoreTables.schemaVersion(c), clock.instant().toString(),
                        tables);
                ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out));
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (BackupManifest.Table table : tables) {
                    zip.putNextEntry(new ZipEntry(TABLE_PREFIX + table.name()));
                    rows.put(table.name(), copy.copyOut("COPY (SELECT " + columnList(table) + " FROM " + StoreTables.quote(table.name())
                            + ") TO STDOUT", zip));
                    zip.closeEntry();
                }
                zip.finish();
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BackupException("the database could not be read: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * Reads a backup file through without touching any store: the manifest at its start, a format
     * this release reads, and every table the manifest names, each entry read to its end so its CRC
     * is checked. Lets a restore refuse a damaged or truncated file before it creates a store.
     *
     * @param in the ZIP written by {@link #backup}; read to the last table
     * @return the backup's manifest
     * @throws BackupException if the file is no backup, of an unknown format, or damaged or incomplete
     */
    public static BackupManifest check(InputStream in) {
        try {
            ZipInputStream zip = new ZipInputStream(in);
            BackupManifest manifest = readManifest(zip);
            byte[] buffer = new byte[1 << 16];
            for (BackupManifest.Table table : manifest.tables()) {
                ZipEntry entry = zip.getNextEntry();
                if (entry == null || !entry.getName().equals(TABLE_PREFIX + table.name())) {
                    throw new BackupException("the backup file is damaged or incomplete: table " + table.name() + " is missing");
                }
                while (zip.read(buffer) >= 0) {
                    // reading to the entry's end makes ZipInputStream check its size and CRC
                }
            }
            return manifest;
        } catch (BackupException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BackupException("the backup file is damaged or incomplete: " + e.getMessage(), e);
        }
    }

    private static BackupManifest readManifest(ZipInputStream zip) throws IOException {
        ZipEntry first = zip.getNextEntry();
        if (first == null || !first.getName().equals(MANIFEST)) {
            throw new BackupException("this is not a metering backup (no " + MANIFEST + " at its start)");
        }
        BackupManifest manifest = JSON.readValue(new KeepOpenInput(zip), BackupManifest.class);
        if (manifest.format() != FORMAT) {
            throw new BackupException("backup format " + manifest.format() + " is not known to this release (it reads " + FORMAT + ")");
        }
        return manifest;
    }

    /**
     * Restores a backup into this store, whose tables must be empty.
     *
     * @param in the ZIP written by {@link #backup}
     * @return the rows restored per table, in restore order
     * @throws BackupException if the file is no backup, comes from a newer schema, names a table or
     *     column this schema lacks, or the store already holds data; nothing is stored then
     * @throws IOException if the input fails
     */
    public Map<String, Long> restore(InputStream in) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        BackupManifest manifest = readManifest(zip);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = store.getConnection()) {
            c.setAutoCommit(false);
            try {
                requireRestorable(c, manifest);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (BackupManifest.Table table : manifest.tables()) {
                    ZipEntry entry = zip.getNextEntry();
                    if (entry == null || !entry.getName().equals(TABLE_PREFIX + table.name())) {
                        throw new BackupException("the backup is incomplete: table " + table.name() + " is missing");
                    }
                    rows.put(table.name(), copy.copyIn("COPY " + StoreTables.quote(table.name()) + " (" + columnList(table)
                            + ") FROM STDIN", new KeepOpenInput(zip)));
                }
                IdentitySequences.advance(c);
                EventPositionEpoch.lift(c);
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new BackupException("the backup could not be restored, nothing was stored: " + e.getMessage(), e);
        }
        return rows;
    }

    private static void requireRestorable(Connection c, BackupManifest manifest) throws SQLException {
        String current = StoreTables.schemaVersion(c);
        if (MigrationVersion.fromVersion(manifest.schemaVersion()).isNewerThan(current)) {
            throw new BackupException("the backup's schema (version " + manifest.schemaVersion() + ", written by release "
                    + manifest.release() + ") is newer than this release's (version " + current + "); restore it with release "
                    + manifest.release() + " or later");
        }
        Map<String, List<String>> here = new LinkedHashMap<>();
        for (BackupManifest.Table t : StoreTables.list(c)) {
            here.put(t.name(), t.columns());
        }
        for (BackupManifest.Table t : manifest.tables()) {
            List<String> columns = here.get(t.name());
            if (columns == null || !columns.containsAll(t.columns())) {
                throw new BackupException("the backup's table " + t.name() + " does not fit this release's schema");
            }
        }
        try (Statement s = c.createStatement()) {
            for (String table : here.keySet()) {
                try (var rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + StoreTables.quote(table) + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        throw new BackupException("the store already holds data (table " + table + "); restore into an empty store:"
                                + " a new METERING_DATA_DIR, or an empty database for METERING_JDBC_URL");
                    }
                }
            }
        }
    }

    private static String columnList(BackupManifest.Table table) {
        return String.join(", ", table.columns().stream().map(StoreTables::quote).toList());
    }

    /** The ZIP streams must outlive the writers and readers handed their entries. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class KeepOpenInput extends FilterInputStream {
        KeepOpenInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the next entry is read from the same stream
        }
    }
}
