package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.http.observe.HttpObservability;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics}: served only to the metrics token, a 404 like any unknown path for everyone
 * else (API tokens included) and when no token is configured; request timers are labelled by route
 * template, never by raw path, and count every request.
 */
class MetricsRouteTest {
    private static final String METRICS_TOKEN = "metrics-token-0123456789";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private TestApp t;

    @AfterEach
    void stop() {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void onlyTheMetricsTokenSeesTheMetrics() {
        t = TestApp.observed(new HttpObservability(registry, Optional.of(METRICS_TOKEN), registry::scrape));
        Reply unknown = t.get("/no-such-path", null);

        assertThat(t.get("/metrics", null)).satisfies(r -> assertThat(r.status()).isEqualTo(404));
        assertThat(t.get("/metrics", t.adminToken()).status()).as("an API token").isEqualTo(404);
        assertThat(t.get("/metrics", METRICS_TOKEN + "x").status()).as("a longer token").isEqualTo(404);
        assertThat(t.get("/metrics", METRICS_TOKEN.substring(1)).status()).as("a shorter token").isEqualTo(404);
        Reply refused = t.get("/metrics", "wrong");
        assertThat(refused.json().get("reason").asText()).isEqualTo(unknown.json().get("reason").asText()).isEqualTo("not_found");

        Reply served = t.get("/metrics", METRICS_TOKEN);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).startsWith("text/plain");
        assertThat(served.body()).contains("http_server_requests_seconds_bucket{");
    }

    @Test
    void withoutATokenThereIsNoMetricsRoute() {
        t = TestApp.observed(new HttpObservability(registry, Optional.empty(), registry::scrape));
        assertThat(t.get("/metrics", null).status()).isEqualTo(404);
        assertThat(t.get("/metrics", METRICS_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void requestsAreCountedByRouteTemplateMethodAndStatus() {
        t = TestApp.observed(new HttpObservability(registry, Optional.of(METRICS_TOKEN), registry::scrape));
        Meter meter = t.meter(Map.of());
        Counter counter = t.counter(meter, TestApp.FEED_OUT);
        String route = "/v1/metering/meter/{id}";
        double before = count(t.get("/metrics", METRICS_TOKEN).body(), "GET", route, "200");

        for (int i = 0; i < 3; i++) {
            assertThat(t.get("/v1/metering/meter/" + meter.id(), t.adminToken()).status()).isEqualTo(200);
        }
        assertThat(t.get("/v1/metering/meter/" + meter.id(), null).status()).isEqualTo(401);
        assertThat(t.post("/v1/metering/reading", t.adminToken(),
                TestApp.reading(meter, counter, "-1", "ERP", "2024-06-01T00:00:00Z")).status()).isEqualTo(400);
        t.get("/v1/metering/made-up/" + meter.id(), t.adminToken());

        String scrape = t.get("/metrics", METRICS_TOKEN).body();
        assertThat(count(scrape, "GET", route, "200")).isEqualTo(before + 3);
        assertThat(count(scrape, "GET", route, "401")).isEqualTo(1);
        assertThat(count(scrape, "POST", "/v1/metering/reading", "400")).isEqualTo(1);
        assertThat(count(scrape, "GET", "unmatched", "404")).isEqualTo(1);
        assertThat(scrape).as("raw paths never become labels").doesNotContain(meter.id().toString())
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"" + route + "\",status=\"200\",le=\"0.005\"}")
                .contains("le=\"10.0\"").contains("le=\"+Inf\"");
    }

    @Test
    void aRequestWithoutAuthorizationHeaderIsAnsweredNotFound() throws Exception {
        t = TestApp.observed(new HttpObservability(registry, Optional.of(METRICS_TOKEN), registry::scrape));
        HttpRequest basic = HttpRequest.newBuilder(URI.create(t.url("/metrics"))).header("Authorization", "Basic " + METRICS_TOKEN).build();
        assertThat(t.send(basic).status()).isEqualTo(404);
    }

    /** The count of a request timer in a Prometheus scrape; 0 when the series is not there. */
    static double count(String scrape, String method, String route, String status) {
        Matcher m = Pattern.compile("^http_server_requests_seconds_count\\{method=\"" + Pattern.quote(method) + "\",route=\""
                + Pattern.quote(route) + "\",status=\"" + status + "\"} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
