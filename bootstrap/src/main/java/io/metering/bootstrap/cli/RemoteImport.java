package io.metering.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * {@code metering import} against a running service: uploads the file to {@code POST
 * /v1/metering/admin/imports} and follows the job until it ends (docs/import-export.md "Imports over
 * HTTP"). The service imports it with the same use case, rules and all-or-nothing as a local import.
 */
final class RemoteImport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    /**
     * @param base the service's base URL, e.g. {@code http://localhost:8080}
     * @param token an admin bearer token of the organization to import into
     */
    RemoteImport(String base, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    /** How a remote import ended. */
    record Outcome(boolean stored, long rows, String reason, String message) {}

    /**
     * Uploads and waits for the job.
     *
     * @param query the upload's query parameters (commit, chunk_size, ...), null values left out
     * @param progress hears the rows stored so far
     * @return the outcome; a refused upload is an outcome with its reason too
     * @throws IOException if the service cannot be reached
     */
    Outcome run(Path file, Map<String, String> query, LongConsumer progress, PrintStream err) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.values().removeIf(v -> v == null);
        String q = params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/admin/imports" + (q.isEmpty() ? "" : "?" + q)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer = JSON.readTree(accepted.body());
        if (accepted.statusCode() != 202) {
            return new Outcome(false, 0, answer.path("reason").asText("http_" + accepted.statusCode()), answer.path("message").asText());
        }
        String job = answer.at("/data/id").asText();
        err.println("Uploaded to " + base + "; import job " + job);
        while (true) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/admin/imports/" + job))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode data = JSON.readTree(r.body()).path("data");
            progress.accept(data.path("rows_stored").asLong());
            switch (data.path("status").asText()) {
                case "succeeded" -> {
                    return new Outcome(true, data.path("rows_stored").asLong(), null, null);
                }
                case "failed" -> {
                    JsonNode refusal = data.path("refusals").path(0);
                    return new Outcome(false, data.path("rows_stored").asLong(), refusal.path("reason").asText("failed"),
                            refusal.path("message").asText());
                }
                default -> Thread.sleep(POLL.toMillis());
            }
        }
    }
}
