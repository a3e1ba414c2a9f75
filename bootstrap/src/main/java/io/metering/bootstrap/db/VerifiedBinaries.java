package io.metering.bootstrap.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The file-system identity of an unpacked copy of the PostgreSQL binaries at the moment it was last
 * compared in full with the archive ({@link PostgresArchive#differences}): for every entry its
 * inode, owner, mode, size and modification time, for files and links also the change time
 * ({@code ctime}), for links the target. A start whose copy still shows exactly this identity skips
 * hashing the 60 MB again; any other start (no record, a record that differs in one field, or one
 * not owned by the service's user) falls back to the full comparison (docs/security.md, "Replacing
 * the unpacked postgres binary").
 *
 * <p>Why that keeps the check: writing a file, changing its mode or owner, or renaming another file
 * over it gives the entry a new {@code ctime} (or a new inode) that the kernel sets to the current
 * time and no unprivileged process can set back; adding, removing or renaming an entry changes its
 * directory's modification time, which only the directory's owner can set to a chosen value. The
 * record lives beside the copy in the owner-only {@code postgres-binaries} directory: whoever can
 * rewrite it can rewrite the binaries themselves.
 */
final class VerifiedBinaries {
    private static final String SUFFIX = ".verified";
    /** What the kernel records per entry, read without following links. */
    private static final String ATTRIBUTES = "unix:ino,uid,mode,size,lastModifiedTime,ctime";

    private VerifiedBinaries() {
    }

    /** Whether the copy in {@code binaries} is exactly as it was when last recorded. */
    static boolean unchanged(Path binaries) throws IOException {
        Path record = recordFile(binaries);
        if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS)
                || PrivateDirectory.ownerUid(record) != PrivateDirectory.currentUid()
                || (PrivateDirectory.mode(record) & 0077) != 0) {
            return false;
        }
        return Files.readString(record, StandardCharsets.UTF_8).equals(identity(binaries));
    }

    /** Records the copy's current identity; call only right after a full comparison found no difference. */
    static void record(Path binaries) throws IOException {
        Path record = recordFile(binaries);
        Path staging = record.resolveSibling(record.getFileName() + "." + UUID.randomUUID());
        Files.createFile(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(staging, identity(binaries), StandardCharsets.UTF_8);
            Files.move(staging, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /** Drops the record, before the copy it describes is thrown away. */
    static void forget(Path binaries) throws IOException {
        Files.deleteIfExists(recordFile(binaries));
    }

    private static Path recordFile(Path binaries) {
        return binaries.resolveSibling(binaries.getFileName() + SUFFIX);
    }

    /** One line per entry, sorted by path: path, kind and the fields above. */
    static String identity(Path binaries) throws IOException {
        Map<String, String> lines = new TreeMap<>();
        Files.walkFileTree(binaries, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                // a directory's ctime moves when zonky opens and tighten() closes its mode again: not recorded
                lines.put(binaries.relativize(dir).toString(), "dir " + fields(dir, false));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String kind = attrs.isSymbolicLink() ? "link " + Files.readSymbolicLink(file) : attrs.isRegularFile() ? "file" : "other";
                lines.put(binaries.relativize(file).toString(), kind + " " + fields(file, true));
                return FileVisitResult.CONTINUE;
            }
        });
        StringBuilder text = new StringBuilder();
        lines.forEach((path, what) -> text.append(path).append('\t').append(what).append('\n'));
        return text.toString();
    }

    private static String fields(Path p, boolean withChangeTime) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        return a.get("ino") + " " + a.get("uid") + " " + Integer.toOctalString((Integer) a.get("mode")) + " " + a.get("size") + " "
                + nanos(a.get("lastModifiedTime")) + (withChangeTime ? " " + nanos(a.get("ctime")) : "");
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }
}
