package io.metering.bootstrap.db;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The MD5 of the bundled PostgreSQL archive (which names the unpacked copy, {@code PG-<md5>}),
 * remembered in the owner-only {@code postgres-binaries} directory together with the identity of
 * the class path it was read from: while every class-path entry is the same file (path, inode,
 * size, modification and change time), the archive inside is the same, and a start need not read
 * its 15 MB again. A class path with a directory on it (a development build) is never remembered:
 * a directory's times do not tell whether a file deep inside changed.
 */
final class ArchiveDigestCache {
    private static final String FILE = "archive.md5";

    private ArchiveDigestCache() {
    }

    /** The MD5 remembered for this class path, if any. */
    static Optional<String> md5(Path root) throws IOException {
        Optional<String> classPath = classPathIdentity();
        Path file = root.resolve(FILE);
        if (classPath.isEmpty() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || PrivateDirectory.ownerUid(file) != PrivateDirectory.currentUid()
                || (PrivateDirectory.mode(file) & 0077) != 0) {
            return Optional.empty();
        }
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", 2);
        return lines.length == 2 && lines[1].equals(classPath.get()) ? Optional.of(lines[0]) : Optional.empty();
    }

    /** Remembers the archive's MD5 for this class path (nothing when it cannot be remembered). */
    static void remember(Path root, String md5) throws IOException {
        Optional<String> classPath = classPathIdentity();
        if (classPath.isEmpty()) {
            return;
        }
        Path file = root.resolve(FILE);
        Path staging = root.resolve(FILE + "." + UUID.randomUUID());
        Files.createFile(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(staging, md5 + "\n" + classPath.get(), StandardCharsets.UTF_8);
            Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /** One line per class-path entry with its file identity; empty when an entry is not a regular file. */
    static Optional<String> classPathIdentity() throws IOException {
        // the resolver picks the archive by architecture
        StringBuilder identity = new StringBuilder(System.getProperty("os.arch")).append('\n');
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            Map<String, Object> a = Files.readAttributes(path, "unix:ino,size,lastModifiedTime,ctime");
            identity.append(path.toRealPath()).append('\t').append(a.get("ino")).append(' ').append(a.get("size")).append(' ')
                    .append(((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS)).append(' ')
                    .append(((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS)).append('\n');
        }
        return Optional.of(identity.toString());
    }
}
