package io.metering.bootstrap.db;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Directories that only the service's own user may change: the data directory, the directory of
 * the unpacked PostgreSQL binaries and that of the server's Unix socket (docs/security.md).
 *
 * <p>A missing directory is created owner-only (0700). An existing one owned by the service's user
 * is tightened to 0700 (with a warning); one owned by another user is refused, as is a directory
 * below a parent that another user could change (writable by group or others without the sticky
 * bit, or owned by someone other than root and the service's user): whoever can change a parent
 * can swap the directory itself.
 */
final class PrivateDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final int GROUP_OR_OTHER_WRITE = 0022;
    private static final int STICKY = 01000;

    private PrivateDirectory() {}

    /**
     * Makes {@code dir} a directory only the service's user can read, enter or change.
     *
     * @param dir the directory
     * @param what what it is, for messages ("data directory")
     * @return {@code dir}
     * @throws EmbeddedDatabaseException when it belongs to another user, is not a directory, or
     *     lies below a parent another user can change
     */
    static Path secure(Path dir, String what) throws IOException {
        if (Files.notExists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new EmbeddedDatabaseException("The " + what + " " + dir + " is not a directory (or is a symbolic link);"
                    + " point it at a directory the service's user owns.", null);
        }
        requireOwned(dir, what);
        requireSafeParents(dir.toRealPath(), what);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        if (!permissions.equals(OWNER_ONLY)) {
            LOG.warn("The {} {} had mode {}; tightened to rwx------ (only the service's user may read or change it)",
                    what, dir, PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
        return dir;
    }

    /** The numeric user id this process runs as. */
    static long currentUid() {
        return new UnixSystem().getUid();
    }

    /** The owner's numeric user id, without following a final symbolic link. */
    static long ownerUid(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    }

    /** The file's mode bits (permissions, sticky, set-id), without following a final symbolic link. */
    static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static void requireOwned(Path dir, String what) throws IOException {
        long owner = ownerUid(dir);
        if (owner != currentUid()) {
            throw new EmbeddedDatabaseException("The " + what + " " + dir + " belongs to user id " + owner
                    + ", not to the user the service runs as (" + currentUid() + "); another user must not be able to"
                    + " change it. Give it to the service's user (chown) or choose another directory.", null);
        }
    }

    private static void requireSafeParents(Path realDir, String what) throws IOException {
        for (Path parent = realDir.getParent(); parent != null; parent = parent.getParent()) {
            long owner = ownerUid(parent);
            int mode = mode(parent);
            boolean othersMayWrite = (mode & GROUP_OR_OTHER_WRITE) != 0 && (mode & STICKY) == 0;
            if (othersMayWrite || (owner != 0 && owner != currentUid())) {
                throw new EmbeddedDatabaseException("The " + what + " " + realDir + " lies in " + parent + " (mode "
                        + Integer.toOctalString(mode) + ", owner " + owner + "), which another user can change and so"
                        + " replace the " + what + "; choose a directory whose parents only root or the service's user"
                        + " can change.", null);
            }
        }
    }
}
