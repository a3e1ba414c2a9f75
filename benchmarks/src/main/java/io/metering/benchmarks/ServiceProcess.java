package io.metering.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service jar as users run it, in a child JVM: started with the given JVM options and
 * environment, watched for readiness ({@code GET /ready}) and peak resident memory
 * ({@code VmHWM} of {@code /proc/<pid>/status}), stopped with SIGTERM.
 */
final class ServiceProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final long readyMillis;

    private ServiceProcess(Process process, int port, long readyMillis) {
        this.process = process;
        this.port = port;
        this.readyMillis = readyMillis;
    }

    /** The command line of the jar with JVM options. */
    static List<String> command(Path jar, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Starts {@code serve} and waits until {@code /ready} answers 200.
     *
     * @param log where the service's output goes
     */
    static ServiceProcess serve(Path jar, List<String> jvmOptions, Map<String, String> env, int port, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command(jar, jvmOptions, "serve"));
        pb.environment().putAll(env);
        pb.environment().put("METERING_HTTP_PORT", String.valueOf(port));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long started = System.nanoTime();
        Process p = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).timeout(Duration.ofSeconds(2)).build();
        long deadline = started + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the service exited with " + p.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new ServiceProcess(p, port, (System.nanoTime() - started) / 1_000_000);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the service was not ready within 180 s; see " + log);
    }

    /** The JVM's process id. */
    long pid() {
        return process.pid();
    }

    /** Milliseconds from process start to the first 200 from {@code /ready}. */
    long readyMillis() {
        return readyMillis;
    }

    /** The base URL. */
    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Peak resident set size of the JVM so far, in MiB ({@code VmHWM}). */
    double peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/" + process.pid() + "/status");
    }

    /** SIGTERM, then wait for the clean stop. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
