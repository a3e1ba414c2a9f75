package io.metering.bootstrap.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Test access to the PostgreSQL server running on a data directory, for tests outside this package. */
public final class Postmasters {
    private Postmasters() {}

    /** The live postmaster serving the PostgreSQL data directory, if any ({@link StalePostmaster#find}). */
    public static Optional<ProcessHandle> find(Path pgData) {
        try {
            return StalePostmaster.find(pgData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the postmaster of the data directory and its backends with SIGKILL, as a power cut would. */
    public static void kill(Path pgData) {
        find(pgData).ifPresent(postmaster -> {
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            try {
                postmaster.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("postmaster " + postmaster.pid() + " survived SIGKILL", e);
            }
        });
    }
}
