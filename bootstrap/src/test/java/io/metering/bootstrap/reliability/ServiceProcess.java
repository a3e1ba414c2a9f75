package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.bootstrap.db.Postmasters;
import io.metering.testing.Http;
import io.metering.testing.ServiceCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The service as its own operating-system process: {@code java -jar metering.jar serve} when the
 * build passes the jar's path ({@code -Dmetering.jar=...}, as the failsafe configuration does), else
 * the real {@code main} on the test class path. Its embedded PostgreSQL listens on a port the test
 * chose, and its log goes to a file next to its data directory.
 *
 * <p>Every process started here is stopped: by {@link #close()}, and by a shutdown hook of the test
 * JVM for anything left (including the PostgreSQL server a killed service leaves behind).
 */
final class ServiceProcess implements AutoCloseable {
    private static final Set<ServiceProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ServiceProcess::kill), "reliability-cleanup"));
    }

    private final Path dataDir;
    private final int httpPort;
    private final int dbPort;
    private final Path log;
    private final Process process;

    private ServiceProcess(Path dataDir, int httpPort, int dbPort, Path log, Process process) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.dbPort = dbPort;
        this.log = log;
        this.process = process;
    }

    /** @return the service JVM's process id (for jcmd) */
    long pid() {
        return process.pid();
    }

    /**
     * Starts the service on the data directory and waits until it is ready.
     *
     * @param httpPort the HTTP port (fixed, so that a restarted service answers at the same address)
     * @param dbPort the embedded PostgreSQL's port
     * @param name names the log file
     */
    static ServiceProcess start(Path dataDir, int httpPort, int dbPort, String name) {
        return start(dataDir, httpPort, dbPort, name, List.of(), Map.of());
    }

    /** {@link #start(Path, int, int, String)} with further JVM options, e.g. a GC log. */
    static ServiceProcess start(Path dataDir, int httpPort, int dbPort, String name, List<String> jvmOptions) {
        return start(dataDir, httpPort, dbPort, name, jvmOptions, Map.of());
    }

    /** Starts the service as {@link #start(Path, int, int, String)} with further environment variables. */
    static ServiceProcess start(Path dataDir, int httpPort, int dbPort, String name, Map<String, String> env) {
        return start(dataDir, httpPort, dbPort, name, List.of(), env);
    }

    /** {@link #start(Path, int, int, String)} with further JVM options and environment variables. */
    static ServiceProcess start(Path dataDir, int httpPort, int dbPort, String name, List<String> jvmOptions,
            Map<String, String> env) {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
        List<String> options = new ArrayList<>(List.of("-Xmx256m"));
        options.addAll(jvmOptions);
        List<String> command = ServiceCommand.of(options, List.of("serve"));
        System.out.println("starting " + String.join(" ", command.subList(0, Math.min(command.size(), 4))) + " ... (log " + log + ")");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("METERING_DATA_DIR", dataDir.toString());
        pb.environment().put("METERING_HTTP_PORT", Integer.toString(httpPort));
        pb.environment().put("METERING_DB_PORT", Integer.toString(dbPort));
        pb.environment().put("METERING_JWT_SECRET", Tokens.SECRET);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceProcess service = new ServiceProcess(dataDir, httpPort, dbPort, log, p);
        RUNNING.add(service);
        try {
            service.awaitReady();
        } catch (RuntimeException | AssertionError e) {
            service.close();
            throw e;
        }
        return service;
    }

    private void awaitReady() {
        Http http = http();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertThat(process.isAlive()).as("service exited during start; log:%n%s", log()).isTrue();
            assertThat(System.nanoTime()).as("service ready within two minutes; log:%n%s", log()).isLessThan(deadline);
            try {
                if (http.get("/ready", null).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // keep waiting
            }
            pause(200);
        }
    }

    Http http() {
        return new Http("http://127.0.0.1:" + httpPort);
    }

    int httpPort() {
        return httpPort;
    }

    /** The service's embedded PostgreSQL (while it runs, or while its orphan does). */
    TestDatabase database() {
        return TestDatabase.embedded(dataDir, dbPort);
    }

    Path pgData() {
        return dataDir.resolve("pgdata");
    }

    /** The service's output so far. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM (a graceful stop request). */
    void sigterm() {
        process.destroy();
    }

    /** Sends SIGKILL to the service's JVM only; its PostgreSQL server keeps running. */
    void sigkill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Waits for the process to end. @return its exit status */
    int awaitExit() {
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("service exited; log:%n%s", log()).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        RUNNING.remove(this);
        return process.exitValue();
    }

    /** Waits until a line of the log contains the text. */
    void awaitLog(String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!log().contains(text)) {
            assertThat(System.nanoTime()).as("log line '%s' within a minute; log:%n%s", text, log()).isLessThan(deadline);
            pause(50);
        }
    }

    /** Waits until the HTTP port refuses new connections. */
    void awaitPortClosed() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", httpPort), 1000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException e) {
                // timeouts and resets: not a clean refusal yet
            }
            assertThat(System.nanoTime()).as("port %d closed within a minute", httpPort).isLessThan(deadline);
            pause(50);
        }
    }

    /** Stops the service: SIGTERM, SIGKILL if it does not end, and its PostgreSQL server if one is left. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kill();
    }

    /** Kills the JVM, and the PostgreSQL server on its data directory unless a newer service there owns it. */
    private void kill() {
        process.destroyForcibly();
        RUNNING.remove(this);
        if (RUNNING.stream().noneMatch(other -> other.dataDir.equals(dataDir))) {
            Postmasters.kill(pgData());
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
