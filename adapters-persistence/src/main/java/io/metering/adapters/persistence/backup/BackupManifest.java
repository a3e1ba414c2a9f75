package io.metering.adapters.persistence.backup;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The first entry of a backup file ({@value StoreBackup#MANIFEST}): what the backup holds and
 * which schema it was taken from.
 *
 * @param format the file format's version ({@value StoreBackup#FORMAT})
 * @param release the release that wrote it (e.g. {@code 0.9.0})
 * @param schemaVersion the newest Flyway migration applied to the backed-up database
 * @param createdAt when the backup was taken, ISO-8601
 * @param tables the tables in restore order (a table after the tables it references)
 */
record BackupManifest(
        int format,
        String release,
        @JsonProperty("schema_version") String schemaVersion,
        @JsonProperty("created_at") String createdAt,
        List<Table> tables) {

    /**
     * One table of the backup: its entry holds its rows in PostgreSQL's COPY text format.
     *
     * @param name the table
     * @param columns its columns, in the entry's order
     */
    public record Table(String name, List<String> columns) {}
}
