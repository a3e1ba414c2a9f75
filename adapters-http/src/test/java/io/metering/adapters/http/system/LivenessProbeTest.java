package io.metering.adapters.http.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.metering.adapters.http.HealthCheck;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /health} follows the liveness check alone: 200 {@code {"status":"ok"}} while it reports
 * nothing, 503 {@code {status, message, reason: not_live}} with its reason when the process needs a
 * restart, whatever readiness says; a check that throws counts as live.
 */
class LivenessProbeTest {
    private final AtomicReference<Optional<String>> failure = new AtomicReference<>(Optional.empty());
    private final AtomicReference<Boolean> ready = new AtomicReference<>(true);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Javalin app;

    @BeforeEach
    void start() {
        app = Javalin.create(config -> new HealthRoutes(ready::get, () -> {
            Optional<String> f = failure.get();
            if (f == null) {
                throw new IllegalStateException("broken check");
            }
            return f;
        }).register(config.routes)).start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void liveWhileTheCheckReportsNothingEvenWhenNotReady() throws Exception {
        assertThat(get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
        ready.set(false);
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void notLiveAnswers503WithMessageAndReason() throws Exception {
        failure.set(Optional.of("the embedded PostgreSQL has been down for 45 s and 4 restarts of it failed"));

        HttpResponse<String> r = get("/health");

        assertThat(r.statusCode()).isEqualTo(503);
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.get("status").asText()).isEqualTo("unavailable");
        assertThat(body.get("reason").asText()).isEqualTo("not_live");
        assertThat(body.get("message").asText()).contains("needs a restart").contains("down for 45 s");

        failure.set(Optional.empty());
        assertThat(get("/health").statusCode()).as("live again once the check clears").isEqualTo(200);
    }

    @Test
    void aBrokenCheckDoesNotGetTheProcessRestarted() throws Exception {
        failure.set(null);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theOneArgumentRoutesAreAlwaysLive() throws Exception {
        app.stop();
        app = Javalin.create(config -> new HealthRoutes(HealthCheck.ALWAYS_READY).register(config.routes)).start(0);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
