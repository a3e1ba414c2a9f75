package io.metering.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metering.adapters.http.web.Guard;
import java.io.IOException;
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
    private final String org;

    /**
     * @param base the service's base URL, e.g. {@code http://localhost:8080}
     * @param token an admin bearer token of the organization to import into, or one whose
     *     {@code act_for_orgs} allows it
     * @param org the organization to import into, sent as the contract's {@code x-ivy-org-id}, so the
     *     service refuses (403) a token that may not act for it instead of importing into the token's own
     */
    RemoteImport(String base, String token, String org) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
        this.org = org;
    }

    /**
     * How a remote import ended; {@code job} is null when the upload was refused; {@code row} and
     * {@code line} name the refused record (0-based) and its CSV line where the job's refusal does.
     */
    record Outcome(String job, boolean stored, long rows, long implausible, String reason, String message, Long row, Long line) {}

    /**
     * Uploads and waits for the job.
     *
     * @param query the upload's query parameters (commit, chunk_size, ...), null values left out
     * @param progress hears the rows stored so far
     * @return the outcome; a refused upload is an outcome with its reason too
     * @throws IOException if the service cannot be reached
     */
    Outcome run(Path file, Map<String, String> query, LongConsumer progress) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.values().removeIf(v -> v == null);
        String q = params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/admin/imports" + (q.isEmpty() ? "" : "?" + q)))
                .header("Authorization", "Bearer " + token)
                .header(Guard.ORG_HEADER, org)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer = JSON.readTree(accepted.body());
        if (accepted.statusCode() == 403) {
            return new Outcome(null, false, 0, 0, answer.path("reason").asText("forbidden"), answer.path("message").asText()
                    + " (the token may not import into organization " + org + ": give a token of " + org
                    + " or one whose act_for_orgs names it)", null, null);
        }
        if (accepted.statusCode() != 202) {
            return new Outcome(null, false, 0, 0, answer.path("reason").asText("http_" + accepted.statusCode()), answer.path("message").asText(),
                    null, null);
        }
        String job = answer.at("/data/id").asText();
        while (true) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/admin/imports/" + job))
                    .header("Authorization", "Bearer " + token).header(Guard.ORG_HEADER, org).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode data = JSON.readTree(r.body()).path("data");
            progress.accept(data.path("rows_stored").asLong());
            switch (data.path("status").asText()) {
                case "succeeded" -> {
                    return new Outcome(job, true, data.path("rows_stored").asLong(), data.path("rows_implausible").asLong(), null, null, null, null);
                }
                case "failed" -> {
                    JsonNode refusal = data.path("refusals").path(0);
                    return new Outcome(job, false, data.path("rows_stored").asLong(), 0, refusal.path("reason").asText("failed"),
                            refusal.path("message").asText(), number(refusal.path("row")), number(refusal.path("line")));
                }
                default -> Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static Long number(JsonNode n) {
        return n.isIntegralNumber() ? n.asLong() : null;
    }
}
