package io.metering.bootstrap.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Guards the embedded store against a PostgreSQL major version it was not made by. A data
 * directory is readable only by the major version that created it (its {@code PG_VERSION} file
 * names it); starting another one fails, and in the worst case a half-started server could leave
 * files behind. So when this release bundles another major version than the data directory's, the
 * start is refused before anything touches the directory, with the way forward in the message:
 * a logical backup with the release that made the data, restored by this one (docs/operations.md).
 */
public final class PostgresDataVersion {
    private PostgresDataVersion() {}

    /**
     * @param dataDir the service's data directory (the store lives in {@code pgdata} below it)
     * @param bundledMajor the bundled PostgreSQL's major version, e.g. {@code 17}
     * @throws EmbeddedDatabaseException if the store was made by another major version
     */
    public static void requireBundled(Path dataDir, String bundledMajor) {
        of(dataDir.resolve("pgdata")).filter(found -> !found.equals(bundledMajor)).ifPresent(found -> {
            throw new EmbeddedDatabaseException("The data directory " + dataDir + " holds a PostgreSQL " + found
                    + " database, but this release bundles PostgreSQL " + bundledMajor + ", which cannot read it. Nothing was changed."
                    + " To move the data: run 'metering backup --to FILE' with the release that wrote it, move " + dataDir
                    + " aside, then run 'metering restore --from FILE' with this release (docs/operations.md, \"Upgrading\").", null);
        });
    }

    /** @return the major version named by {@code pgData/PG_VERSION}; empty for a directory not yet created */
    static Optional<String> of(Path pgData) {
        Path file = pgData.resolve("PG_VERSION");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
