package io.metering.bootstrap.observe;

import io.metering.testing.BearerTokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.testing.FreePorts;
import io.metering.testing.ServiceCommand;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service under the OpenTelemetry Java agent, as docs/operations.md describes it: an
 * incoming {@code traceparent} is continued by a server span named after the route template, the
 * database calls of the request are spans of the same trace, and the request's log line carries
 * that trace id and the server span's id. Spans go to the agent's logging exporter, i.e. the
 * service's output.
 */
class TracingAgentIT {
    private static final String SECRET = "tracing-test-secret-of-at-least-32-bytes";
    private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";

    @TempDir
    Path dir;

    @Test
    void anIncomingTraceIsContinuedThroughTheRequestAndItsDatabaseCalls() throws Exception {
        int port = FreePorts.free();
        Path log = dir.resolve("service.log");
        ProcessBuilder pb = new ProcessBuilder(ServiceCommand.of(List.of("-Xmx256m",
                "-javaagent:" + System.getProperty("otel.agent")), List.of("serve")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(java.util.Map.of("METERING_DATA_DIR", dir.resolve("data").toString(), "METERING_HTTP_PORT",
                Integer.toString(port), "METERING_JWT_SECRET", SECRET, "METERING_LOG_FORMAT", "json", "OTEL_SERVICE_NAME", "metering",
                "OTEL_TRACES_EXPORTER", "logging", "OTEL_METRICS_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none"));
        Process service = pb.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            awaitReady(client, port, service, log);
            String token = BearerTokens.hs256(SECRET).withTtl(Duration.ofMinutes(5)).admin("trace-org", "erp");
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/metering/admin/meters"))
                    .header("Authorization", "Bearer " + token).header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);

            String spans = awaitLine(log, "'GET /v1/metering/admin/meters' : " + TRACE_ID, service);
            String serverSpanId = spans.substring(spans.indexOf(TRACE_ID) + TRACE_ID.length()).trim().split(" ")[0];
            assertThat(spans).contains("SERVER");
            String all = Files.readString(log);
            assertThat(all.lines().filter(l -> l.contains(TRACE_ID) && l.contains("CLIENT") && l.contains("io.opentelemetry.jdbc")))
                    .as("database calls in the same trace").isNotEmpty();
            assertThat(all.lines().filter(l -> l.startsWith("{") && l.contains("GET /v1/metering/admin/meters 200")))
                    .singleElement().satisfies(line -> assertThat(line).contains("\"trace_id\":\"" + TRACE_ID + "\"")
                            .contains("\"span_id\":\"" + serverSpanId + "\""));
        } finally {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    private static void awaitReady(HttpClient client, int port, Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            assertThat(service.isAlive()).as("the service runs; log:%n%s", Files.readString(log)).isTrue();
            assertThat(System.nanoTime()).as("ready within two minutes").isLessThan(deadline);
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
    }

    /** Waits for the first output line containing the text (the exporter writes spans as they end). */
    private static String awaitLine(Path log, String text, Process service) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            var line = Files.readString(log).lines().filter(l -> l.contains(text)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            assertThat(System.nanoTime()).as("'%s' in the output:%n%s", text, Files.readString(log)).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
