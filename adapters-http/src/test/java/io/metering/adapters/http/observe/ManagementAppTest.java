package io.metering.adapters.http.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The management port answers like the API: the metrics to the metrics token, and JSON
 * {@code {message, reason}} 404 {@code not_found} to a scrape without it and to any other path.
 */
class ManagementAppTest {
    private static final String TOKEN = "scrape-token-0123456789";
    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        app = ManagementApp.create(Optional.of(TOKEN), () -> "metering_readings_written_total 0\n").start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theMetricsTokenGetsTheMetrics() throws Exception {
        HttpResponse<String> served = get("/metrics", TOKEN);

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("metering_readings_written_total");
    }

    @Test
    void aScrapeWithoutTheTokenAndAnUnknownPathAnswerJsonNotFound() throws Exception {
        for (String path : new String[] {"/metrics", "/health", "/no/such/path"}) {
            HttpResponse<String> r = get(path, null);

            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            JsonNode body = new ObjectMapper().readTree(r.body());
            assertThat(body.path("reason").asText()).as(path).isEqualTo("not_found");
            assertThat(body.path("message").asText()).as(path).isNotBlank();
        }
    }
}
