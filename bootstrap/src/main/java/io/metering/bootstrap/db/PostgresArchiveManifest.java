package io.metering.bootstrap.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PostgresArchive} manifest kept in the jar next to the archive it describes, so that a
 * start only reads the archive's bytes for their MD5 (tens of milliseconds) instead of
 * decompressing all 15 MB to hash every file (about a second on a cold JVM, most of a start-up).
 *
 * <p>The manifest is exactly as trusted as the archive: both come from the jar. It is used only
 * when its MD5 equals the archive's, so a jar built with other binaries (a new zonky release
 * without a regenerated manifest) falls back to reading the archive in full, never to a wrong
 * manifest; {@code PostgresArchiveManifestTest} fails the build until the file is regenerated.
 *
 * <p>Format, UTF-8: a first line {@code md5 <hex>}, then one line per entry, sorted:
 * {@code <relative path> TAB <file sha256 | link target | dir>}.
 */
final class PostgresArchiveManifest {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresArchiveManifest.class);
    /** Class-path resource of the manifest. */
    static final String RESOURCE = "postgres-archive.manifest";
    private static final String MD5_PREFIX = "md5 ";

    private PostgresArchiveManifest() {
    }

    /**
     * The bundled archive's manifest: the one in the jar when it describes this archive, else read
     * from the archive itself.
     *
     * @throws IOException if the archive cannot be read
     */
    static PostgresArchive bundled() throws IOException {
        Optional<PostgresArchive> stored = stored();
        String md5 = archiveMd5();
        if (stored.isPresent() && stored.get().md5().equals(md5)) {
            return stored.get();
        }
        LOG.warn("The jar's {} does not describe its PostgreSQL archive (MD5 {}); reading the archive in full", RESOURCE, md5);
        return PostgresArchive.read();
    }

    /** The manifest in the jar, if there is one. */
    static Optional<PostgresArchive> stored() throws IOException {
        try (InputStream in = PostgresArchiveManifest.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    /** The manifest's text, as {@link #parse} reads it. */
    static String text(PostgresArchive archive) {
        StringBuilder text = new StringBuilder(MD5_PREFIX).append(archive.md5()).append('\n');
        new TreeMap<>(archive.entries()).forEach((name, what) -> text.append(name).append('\t').append(what).append('\n'));
        return text.toString();
    }

    /**
     * Reads a manifest's text.
     *
     * @throws IOException if it is not in the format above
     */
    static PostgresArchive parse(String text) throws IOException {
        String[] lines = text.split("\n");
        if (lines.length < 2 || !lines[0].startsWith(MD5_PREFIX)) {
            throw new IOException(RESOURCE + " does not begin with its archive's MD5");
        }
        Map<String, String> entries = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int tab = lines[i].indexOf('\t');
            if (tab <= 0 || entries.put(lines[i].substring(0, tab), lines[i].substring(tab + 1)) != null) {
                throw new IOException(RESOURCE + " line " + (i + 1) + " is not one new \"path TAB what\"");
            }
        }
        return new PostgresArchive(lines[0].substring(MD5_PREFIX.length()), Map.copyOf(entries));
    }

    private static String archiveMd5() throws IOException {
        MessageDigest md5 = PostgresArchive.digest("MD5");
        try (DigestInputStream in = new DigestInputStream(PostgresArchive.open(), md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
