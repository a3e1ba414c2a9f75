package io.metering.bootstrap.db;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running PostgreSQL server of the embedded store, as the {@link PostmasterWatchdog} sees it:
 * whether its postmaster process still lives, and how to start it again exactly as it was started.
 *
 * <p>The restart reuses PostgreSQL's own record of the first start, {@code postmaster.opts} (the
 * server binary and every option: data directory, port, {@code fsync}, {@code synchronous_commit},
 * listen address), read once while that server ran, and starts it with the {@code pg_ctl} next to
 * that binary, as {@code pg_ctl restart} would, and as zonky runs it (in a user namespace of its own
 * when the service runs as root), after checking those binaries ({@link PostgresBinaries}). The
 * first start of an existing cluster ({@link #start}) goes the same way, with the options the
 * service sets; only a new cluster is created and first started by zonky. The
 * server runs crash recovery on start. Its
 * {@code postmaster.pid} stays in place: PostgreSQL itself refuses to start while a process named
 * there or a backend of the dead server still lives, so a restart can never put two servers on one
 * data directory.
 */
final class Postmaster implements PostmasterWatchdog.Server {
    private static final Logger LOG = LoggerFactory.getLogger(Postmaster.class);
    /** How long {@code pg_ctl} waits for the server to accept connections (crash recovery included). */
    static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final int OUTPUT_TAIL_LINES = 8;
    /** How long a start waits for the dead postmaster's process entry to go. */
    private static final Duration REAP_WAIT = Duration.ofSeconds(2);
    /** How often a start looks whether the server is ready. */
    private static final Duration READY_POLL = Duration.ofMillis(5);

    private final Path pgData;
    private final int port;
    private final Path pgCtl;
    private final String options;
    private volatile ProcessHandle process;

    private Postmaster(Path pgData, int port, Path pgCtl, String options, ProcessHandle process) {
        this.pgData = pgData;
        this.port = port;
        this.pgCtl = pgCtl;
        this.options = options;
        this.process = process;
    }

    /**
     * The server just started on the data directory.
     *
     * @throws IOException if its {@code postmaster.opts} or {@code postmaster.pid} cannot be read
     */
    static Postmaster running(Path pgData, int port) throws IOException {
        String opts = Files.readString(pgData.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
        // "<binary>" "-D" "<dir>" ...: the binary ends where the first quoted argument begins (as pg_ctl reads it)
        int firstArgument = opts.indexOf(" \"");
        if (firstArgument < 0) {
            throw new IOException("unexpected postmaster.opts in " + pgData + ": " + opts);
        }
        Path binary = Path.of(opts.substring(0, firstArgument));
        ProcessHandle process = current(pgData).orElseThrow(() -> new IOException("no running postmaster named in " + pgData));
        // pg_ctl names the data directory itself; kept in the options it would be passed twice
        String options = opts.substring(firstArgument + 1).replaceAll("\"-D\" \"[^\"]*\"\\s*", "").strip();
        return new Postmaster(pgData, port, binary.resolveSibling("pg_ctl"), options, process);
    }

    @Override
    public boolean running() {
        ProcessHandle p = process;
        return p.isAlive() && !zombie(p.pid());
    }

    @Override
    public synchronized void restart() throws IOException {
        awaitReaped(process.pid(), REAP_WAIT);
        // a restart is a start: the binaries it runs are checked (and unpacked again if changed) first
        PostgresBinaries.prepare(pgData.getParent());
        launch(pgData, pgCtl, options);
        process = current(pgData).orElseThrow(() -> new IOException("pg_ctl reported a start, but no postmaster runs in " + pgData));
    }

    /**
     * Starts the server of an existing cluster with {@code pg_ctl} and returns once it accepts
     * connections.
     *
     * @param pgData the cluster's data directory
     * @param port the port given in {@code options}
     * @param pgCtl the checked binaries' {@code pg_ctl}
     * @param options the server's options ({@code -p}, {@code -c name=value} ...)
     * @throws IOException if the server does not start (with the end of its output)
     */
    static Postmaster start(Path pgData, int port, Path pgCtl, String options) throws IOException {
        launch(pgData, pgCtl, options);
        return running(pgData, port);
    }

    /**
     * Stops the server as zonky does: a fast shutdown (open transactions roll back, a checkpoint is
     * written), waiting at most 5 s.
     *
     * @throws IOException if {@code pg_ctl stop} fails
     */
    void stop() throws IOException {
        Process stop = new ProcessBuilder(command(pgCtl.toString(), "-D", pgData.toString(), "stop", "-m", "fast", "-t", "5", "-w"))
                .redirectErrorStream(true).start();
        String output = new String(stop.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (stop.waitFor() != 0) {
                throw new IOException("pg_ctl stop failed (exit " + stop.exitValue() + "): " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL", e);
        }
    }

    /**
     * Runs {@code pg_ctl start} and returns as soon as the postmaster marks itself ready in its
     * {@code postmaster.pid}, polled every {@link #READY_POLL} ({@code pg_ctl -w} itself looks only
     * every 100 ms), or when {@code pg_ctl} reports the start done; a failed start throws with the
     * end of the output.
     */
    private static void launch(Path pgData, Path pgCtl, String options) throws IOException {
        List<String> before = pidFile(pgData);
        Process pgCtlProcess = new ProcessBuilder(command(pgCtl.toString(), "-D", pgData.toString(), "-o", options, "-w", "-t",
                Long.toString(START_WAIT.toSeconds()), "start")).redirectErrorStream(true).start();
        OutputTail output = OutputTail.follow(pgCtlProcess.getInputStream());
        long deadline = System.nanoTime() + START_WAIT.plusSeconds(30).toNanos();
        try {
            while (!ready(pgData, before)) {
                if (!pgCtlProcess.isAlive()) {
                    if (pgCtlProcess.exitValue() != 0) {
                        throw new IOException("pg_ctl start failed (exit " + pgCtlProcess.exitValue() + "): " + output.tail());
                    }
                    return;
                }
                if (System.nanoTime() > deadline) {
                    pgCtlProcess.destroyForcibly();
                    throw new IOException("pg_ctl start did not return within " + START_WAIT.plusSeconds(30).toSeconds() + " s");
                }
                Thread.sleep(READY_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting PostgreSQL", e);
        }
    }

    /**
     * Whether a postmaster other than the one {@code before} described runs and says "ready"
     * (line 8 of {@code postmaster.pid}, PostgreSQL's {@code pidfile.h}).
     */
    private static boolean ready(Path pgData, List<String> before) throws IOException {
        List<String> lines = pidFile(pgData);
        if (lines.size() < 8 || lines.equals(before) || !"ready".equals(lines.get(7).strip())) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive).isPresent();
        } catch (NumberFormatException e) {
            return false; // being written
        }
    }

    private static List<String> pidFile(Path pgData) throws IOException {
        try {
            return Files.readAllLines(pgData.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /**
     * A PostgreSQL tool's command line, as zonky runs its tools: PostgreSQL refuses to run as root,
     * and in a new user namespace it is not root. Only root asks zonky whether {@code unshare} works
     * (that check runs processes).
     */
    private static List<String> command(String... tool) {
        List<String> command = new ArrayList<>();
        if (PrivateDirectory.currentUid() == 0 && LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(tool));
        return command;
    }

    /** The postmaster's process id. */
    long pid() {
        return process.pid();
    }

    @Override
    public String toString() {
        return "pid " + process.pid() + " on 127.0.0.1:" + port + ", data in " + pgData;
    }

    /** The live process named by the data directory's {@code postmaster.pid}; ours, so no further identity check. */
    private static Optional<ProcessHandle> current(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        try {
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Waits, briefly, until the dead postmaster is reaped: until then its pid still names a process,
     * and PostgreSQL refuses to start over a {@code postmaster.pid} that names a live one.
     */
    private static void awaitReaped(long pid, Duration wait) throws IOException {
        Path entry = Path.of("/proc", Long.toString(pid));
        long deadline = System.nanoTime() + wait.toNanos();
        while (Files.exists(entry) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for PostgreSQL pid " + pid + " to be reaped", e);
            }
        }
    }

    /**
     * Whether the process has exited but was not reaped yet: a postmaster reparented to a JVM
     * running as PID 1 (a container without an init) stays a zombie that still looks alive.
     */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false; // no /proc: trust ProcessHandle
        }
    }

    /**
     * Drains the output of {@code pg_ctl} and of the server it starts (the server keeps the pipe for
     * its life, so it must be read forever or the server would block on logging), logged at debug,
     * keeping the last lines to explain a failed start.
     */
    private static final class OutputTail {
        private final Deque<String> last = new ArrayDeque<>();
        private Thread reader;

        static OutputTail follow(InputStream in) {
            OutputTail tail = new OutputTail();
            tail.reader = new Thread(() -> tail.read(in), "postgres-output");
            tail.reader.setDaemon(true);
            tail.reader.start();
            return tail;
        }

        private void read(InputStream in) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    LOG.debug("postgres: {}", line);
                    synchronized (last) {
                        last.addLast(line);
                        if (last.size() > OUTPUT_TAIL_LINES) {
                            last.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                LOG.debug("PostgreSQL output closed", e);
            }
        }

        /** The last lines; after a failed start the server is gone, so its output ends within the short wait. */
        String tail() {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (last) {
                return last.isEmpty() ? "(no output)" : String.join(" | ", last);
            }
        }
    }
}
