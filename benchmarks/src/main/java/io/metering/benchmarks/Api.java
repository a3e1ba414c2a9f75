package io.metering.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metering.adapters.http.auth.JwtSettings;
import io.metering.adapters.http.auth.TokenClaims;
import io.metering.adapters.http.auth.TokenMinter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The service's HTTP API as the benchmarks use it: an admin token of one organization. */
final class Api {
    /** The JWT secret the benchmarked service is started with. */
    static final String SECRET = "benchmark-secret-benchmark-secret-0123456789";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String token;

    Api(String base, String org) {
        this.base = base;
        this.token = new TokenMinter(JwtSettings.of(SECRET, null, null), Clock.systemUTC())
                .mint(TokenClaims.admin(org, "benchmark"), Duration.ofDays(1));
    }

    /** A meter with one feed-out counter. */
    record Register(UUID meterId, UUID counterId) {}

    /** Creates {@code n} meters with one counter each (admin API). */
    List<Register> registers(int n) throws IOException, InterruptedException {
        List<Register> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            JsonNode meter = post("/v1/metering/admin/meters", "{\"sector\":\"power\",\"meter_number\":\"B" + i + "\"}");
            UUID meterId = UUID.fromString(meter.path("data").path("_id").asText());
            JsonNode counter = post("/v1/metering/admin/meters/" + meterId + "/counters",
                    "{\"obis_number\":\"1-0:1.8.0\",\"direction\":\"feed-out\",\"unit\":\"kWh\"}");
            out.add(new Register(meterId, UUID.fromString(counter.path("data").path("_id").asText())));
        }
        return out;
    }

    /** POSTs JSON and returns the parsed answer. */
    JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Uploads a file for import ({@code POST /v1/metering/admin/imports}, 202) and returns the job. */
    JsonNode upload(java.nio.file.Path file, String contentType) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request("/v1/metering/admin/imports").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).header("Content-Type", contentType).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("the upload answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).path("data");
    }

    /** GETs JSON and returns the parsed answer. */
    JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
        return JSON.readTree(get(pathAndQuery));
    }

    /** A kept-alive connection that POSTs pre-encoded JSON bodies to {@code path} with this API's token (the ingest driver's). */
    LeanHttp lean(String path) {
        return new LeanHttp(base, path, token);
    }

    /** A kept-alive connection for GETs with this API's token, read on the caller's thread (the page benchmark's). */
    LeanHttp leanReader() {
        return new LeanHttp(base, "/", token);
    }

    /** GETs and returns the body, failing on anything but 200. */
    String get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** GETs and returns the body as a stream to read to its end (a streamed answer), failing on anything but 200. */
    java.io.InputStream open(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<java.io.InputStream> r = http.send(request(pathAndQuery).timeout(Duration.ofMinutes(10)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            try (java.io.InputStream in = r.body()) {
                throw new IllegalStateException("GET " + pathAndQuery + " answered " + r.statusCode() + ": "
                        + new String(in.readNBytes(500), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return r.body();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60));
    }
}
