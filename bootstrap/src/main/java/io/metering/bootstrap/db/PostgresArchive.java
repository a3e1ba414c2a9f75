package io.metering.bootstrap.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL archive the jar ships (zonky's {@code postgres-linux-<arch>.txz}) as a manifest:
 * each entry's relative path to "file &lt;sha256&gt;", "link &lt;target&gt;" or "dir", and the
 * MD5 of the archive, which names zonky's directory. {@link #differences} compares an unpacked
 * copy with it ({@link PostgresBinaries}).
 *
 * @param md5 the archive's MD5, hex
 * @param entries relative path to what it is
 */
record PostgresArchive(String md5, Map<String, String> entries) {
    /** Files zonky keeps next to the binaries: its "unpacked" marker and its unpack lock. */
    private static final List<String> ZONKY_FILES = List.of(".exists", "epg-lock");
    private static final String SYSTEM = "Linux";

    /** The archive from the jar, as zonky's resolver finds it for this machine. */
    static InputStream open() throws IOException {
        String arch = System.getProperty("os.arch");
        InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(SYSTEM, "amd64".equals(arch) ? "x86_64" : arch);
        if (in == null) {
            throw new IOException("no PostgreSQL binaries for " + SYSTEM + " " + arch + " in the jar");
        }
        return in;
    }

    /** Reads the whole archive (about a second: it is decompressed in full). */
    static PostgresArchive read() throws IOException {
        MessageDigest md5 = digest("MD5");
        Map<String, String> entries = new TreeMap<>();
        try (DigestInputStream raw = new DigestInputStream(open(), md5);
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = relative(entry.getName());
                if (entry.isDirectory()) {
                    entries.put(name, "dir");
                } else if (entry.isSymbolicLink()) {
                    entries.put(name, "link " + entry.getLinkName());
                } else {
                    entries.put(name, "file " + sha256(tar));
                }
            }
            raw.transferTo(OutputStream.nullOutputStream()); // the MD5 covers the whole archive, as zonky's does
        }
        // directories the archive implies without an entry of their own (bin/, lib/)
        for (String name : List.copyOf(entries.keySet())) {
            for (int slash = name.lastIndexOf('/'); slash > 0; slash = name.lastIndexOf('/', slash - 1)) {
                entries.putIfAbsent(name.substring(0, slash), "dir");
            }
        }
        return new PostgresArchive(HexFormat.of().formatHex(md5.digest()), Map.copyOf(entries));
    }

    /** What differs between the unpacked directory and the archive; empty when they are the same. */
    List<String> differences(Path dir) throws IOException {
        List<String> differences = new ArrayList<>();
        Map<String, String> seen = new TreeMap<>();
        long uid = PrivateDirectory.currentUid();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                check(d);
                if (!d.equals(dir)) {
                    seen.put(relative(dir.relativize(d).toString()), "dir");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = relative(dir.relativize(file).toString());
                if (file.getParent().equals(dir) && ZONKY_FILES.contains(name)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    seen.put(name, "link " + Files.readSymbolicLink(file));
                } else {
                    check(file);
                    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                        seen.put(name, attrs.isRegularFile() ? "file " + sha256(in) : "other");
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            private void check(Path p) throws IOException {
                if (PrivateDirectory.ownerUid(p) != uid) {
                    differences.add(p + " belongs to another user");
                } else if ((PrivateDirectory.mode(p) & 0022) != 0) {
                    differences.add(p + " is writable by group or others");
                }
            }
        });
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String actual = seen.get(e.getKey());
            if (!e.getValue().equals(actual)) {
                differences.add(e.getKey() + (actual == null ? " is missing" : " was changed"));
            }
        }
        seen.keySet().stream().filter(name -> !entries.containsKey(name)).forEach(name -> differences.add(name + " is not in the archive"));
        return differences;
    }

    private static String relative(String name) {
        String n = name.startsWith("./") ? name.substring(2) : name;
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest sha = digest("SHA-256");
        try (DigestInputStream d = new DigestInputStream(in, sha) {
            @Override
            public void close() {
                // the tar stream stays open for its next entry
            }
        }) {
            d.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
