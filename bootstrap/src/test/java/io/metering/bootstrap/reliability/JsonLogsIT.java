package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.FreePorts;
import io.metering.testing.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code METERING_LOG_FORMAT=json}: the service's own process writes one JSON object per line, from
 * start to stop; the request lines carry the correlation id, the route template, the organization,
 * the caller kind and the trace id of an incoming {@code traceparent}; no line holds a token.
 */
class JsonLogsIT {
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @TempDir
    Path dir;

    @Test
    void everyLineIsAJsonObjectWithTheRequestContextAndNoToken() {
        String admin = Tokens.admin("json-org");
        List<JsonNode> lines = new ArrayList<>();
        String log;
        try (ServiceProcess service = ServiceProcess.start(dir.resolve("data"), FreePorts.free(), FreePorts.free(),
                "json", Map.of("METERING_LOG_FORMAT", "json"))) {
            Http http = service.http();
            HourlyCounter probe = new HourlyCounter(http, admin, "water", "{\"obis_number\":\"8-0:1.0.0\"}",
                    Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.DAYS));
            assertThat(probe.write(1, "10").status()).isEqualTo(200);
            assertThat(probe.write(2, "5").status()).isEqualTo(400);
            Http.Reply traced = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/v1/metering/meter/" + probe.meter()))
                    .header("Authorization", "Bearer " + admin).header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                    .header("X-Correlation-Id", "erp-4711").build());
            assertThat(traced.status()).isEqualTo(200);
            assertThat(http.get("/v1/metering/admin/meters", "not." + admin).status()).isEqualTo(401);
            service.sigterm();
            service.awaitExit();
            log = service.log();
        }

        for (String line : log.split("\n")) {
            lines.add(parse(line));
        }
        assertThat(lines).as("start, requests and stop").hasSizeGreaterThan(5).allSatisfy(line -> {
            assertThat(line.isObject()).isTrue();
            assertThat(line.has("@timestamp") && line.has("level") && line.has("logger_name") && line.has("message")).as("%s", line).isTrue();
        });
        assertThat(lines).anySatisfy(line -> assertThat(line.get("message").asText()).contains("Metering stopped"));
        JsonNode request = lines.stream().filter(l -> "erp-4711".equals(text(l, "correlation_id")) && text(l, "message").startsWith("GET "))
                .findFirst().orElseThrow(() -> new AssertionError("the traced request's line in\n" + log));
        assertThat(text(request, "trace_id")).isEqualTo(TRACE_ID);
        assertThat(text(request, "route")).isEqualTo("/v1/metering/meter/{id}");
        assertThat(text(request, "org")).isEqualTo("json-org");
        assertThat(text(request, "caller_kind")).isEqualTo("admin");
        assertThat(lines).filteredOn(l -> text(l, "message").startsWith("POST /v1/metering/reading 400"))
                .singleElement().satisfies(l -> assertThat(text(l, "route")).isEqualTo("/v1/metering/reading"));
        assertThat(log).as("no token, nor its signature").doesNotContain(admin).doesNotContain(admin.substring(admin.lastIndexOf('.') + 1));
    }

    private static String text(JsonNode line, String field) {
        JsonNode v = line.get(field);
        return v == null ? "" : v.asText();
    }

    private static JsonNode parse(String line) {
        try {
            return Http.JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON line: " + line, e);
        }
    }
}
