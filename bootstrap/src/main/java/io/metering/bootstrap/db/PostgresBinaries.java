package io.metering.bootstrap.db;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries of the embedded store, unpacked where only the service's user can change
 * them and checked before each start (docs/security.md).
 *
 * <p>zonky unpacks its archive into {@code java.io.tmpdir/embedded-pg}, a directory it makes
 * writable by everyone, and runs whatever it finds there: another local user could replace
 * {@code postgres} and have it run with the service's rights. Instead the archive (from the jar) is
 * unpacked here into {@code <data directory>/postgres-binaries/PG-<md5 of the archive>}, the layout
 * zonky looks for, inside a 0700 directory; before every start each unpacked file is compared with
 * the archive (SHA-256 of every file, symbolic link targets, no extra files, no file or directory
 * writable by group or others): in full after unpacking and whenever the copy's file-system
 * identity (inodes, change times; {@link VerifiedBinaries}) differs from the one recorded at the
 * last full comparison, which an unchanged identity stands for; while the jar is unchanged, the
 * archive's MD5 is not read again either ({@link ArchiveDigestCache}). Anything that differs is thrown
 * away and unpacked again. zonky is handed this object as its {@link PgBinaryResolver} and this
 * directory as its working directory, so it finds the checked copy and unpacks nothing itself.
 */
final class PostgresBinaries implements PgBinaryResolver {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
    private static volatile PostgresArchive archive;

    private final Path root;
    private final Path binaries;

    private PostgresBinaries(Path root, Path binaries) {
        this.root = root;
        this.binaries = binaries;
    }

    /**
     * Unpacks the binaries under {@code dataDir/postgres-binaries}, or checks the copy already
     * there and unpacks it again if anything differs.
     *
     * @param dataDir the service's data directory (already private)
     * @return the checked binaries
     * @throws IOException if the archive cannot be read or the directory cannot be written
     */
    static PostgresBinaries prepare(Path dataDir) throws IOException {
        Path root = PrivateDirectory.secure(dataDir.resolve("postgres-binaries"), "directory of the PostgreSQL binaries");
        Optional<String> knownMd5 = ArchiveDigestCache.md5(root);
        if (knownMd5.isPresent()) {
            Path known = root.resolve("PG-" + knownMd5.get());
            if (Files.exists(known, LinkOption.NOFOLLOW_LINKS) && VerifiedBinaries.unchanged(known)) {
                return new PostgresBinaries(root, known);
            }
        }
        PostgresArchive expected = archive();
        if (!knownMd5.equals(Optional.of(expected.md5()))) {
            ArchiveDigestCache.remember(root, expected.md5());
        }
        Path binaries = root.resolve("PG-" + expected.md5());
        if (Files.exists(binaries, LinkOption.NOFOLLOW_LINKS)) {
            if (VerifiedBinaries.unchanged(binaries)) {
                return new PostgresBinaries(root, binaries);
            }
            List<String> differences = expected.differences(binaries);
            if (differences.isEmpty()) {
                VerifiedBinaries.record(binaries);
                return new PostgresBinaries(root, binaries);
            }
            LOG.warn("The unpacked PostgreSQL binaries in {} differ from the archive ({}{}); unpacking them again",
                    binaries, String.join("; ", differences.subList(0, Math.min(3, differences.size()))),
                    differences.size() > 3 ? "; ..." : "");
            VerifiedBinaries.forget(binaries);
            deleteTree(binaries);
        }
        unpack(root, binaries);
        List<String> differences = expected.differences(binaries);
        if (!differences.isEmpty()) {
            throw new IOException("the freshly unpacked PostgreSQL binaries in " + binaries + " differ from the archive: "
                    + differences.get(0));
        }
        VerifiedBinaries.record(binaries);
        return new PostgresBinaries(root, binaries);
    }

    /** The directory zonky is told to work in (it looks for {@code PG-<md5>} inside). */
    Path workingDirectory() {
        return root;
    }

    /** The directory holding {@code bin/}, {@code lib/} and {@code share/}. */
    Path directory() {
        return binaries;
    }

    /**
     * Takes back the write access zonky grants everyone on its working directory and the unpacked
     * directory when it starts (it calls {@code setWritable(true, false)} on both); harmless
     * meanwhile, since the 0700 data directory above keeps other users out, but a later check
     * would refuse it.
     */
    void tighten() throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(binaries, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        return PostgresArchive.open();
    }

    // zonky caches the unpacked directory per resolver for the JVM's life: one key per directory
    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresBinaries other && other.binaries.equals(binaries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(binaries);
    }

    /** What the archive holds, read once per process (from the jar's manifest, see {@link PostgresArchiveManifest}). */
    private static PostgresArchive archive() throws IOException {
        PostgresArchive a = archive;
        if (a == null) {
            synchronized (PostgresBinaries.class) {
                if (archive == null) {
                    archive = PostgresArchiveManifest.bundled();
                }
                a = archive;
            }
        }
        return a;
    }

    private static void unpack(Path root, Path target) throws IOException {
        Path staging = root.resolve(".unpacking-" + UUID.randomUUID());
        Files.createDirectory(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(PostgresArchive.open()))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = inside(staging, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    try (OutputStream out = Files.newOutputStream(path)) {
                        tar.transferTo(out);
                    }
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                            (entry.getMode() & 0111) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                } else {
                    throw new IOException("unexpected entry in the PostgreSQL archive: " + entry.getName());
                }
            }
            // zonky's marker, last, so that it is newer than everything it vouches for
            Files.createFile(staging.resolve(".exists"));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(staging);
            throw e;
        }
        LOG.info("Unpacked the PostgreSQL binaries into {}", target);
    }

    private static Path inside(Path dir, String entryName) throws IOException {
        Path path = dir.resolve(entryName).normalize();
        if (!path.startsWith(dir) || path.equals(dir)) {
            throw new IOException("an entry of the PostgreSQL archive points outside its directory: " + entryName);
        }
        return path;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
