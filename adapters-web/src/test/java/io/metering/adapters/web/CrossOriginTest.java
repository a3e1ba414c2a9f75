package io.metering.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** METERING_CORS_ORIGINS: preflight and requests succeed cross-origin for the listed origins only. */
class CrossOriginTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private Javalin app;

    private String start(List<String> origins) {
        app = Javalin.create(config -> {
            WebPortal.install(config, new WebSettings(origins, Optional.empty()));
            config.routes.get("/v1/metering/meter", ctx -> ctx.json(List.of()));
        }).start(0);
        return "http://localhost:" + app.port();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private static HttpResponse<String> preflight(String base, String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/meter"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String base, String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/meter")).header("Origin", origin).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aListedOriginPassesThePreflightAndReadsTheAnswer() throws Exception {
        String base = start(List.of("https://app.example.com", "http://localhost:3000"));
        for (String origin : List.of("https://app.example.com", "http://localhost:3000")) {
            HttpResponse<String> p = preflight(base, origin);
            assertThat(p.statusCode()).as(origin).isEqualTo(204);
            assertThat(p.headers().firstValue("Access-Control-Allow-Origin")).as(origin).contains(origin);
            assertThat(p.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase()).contains("authorization");
            assertThat(p.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
            assertThat(get(base, origin).headers().firstValue("Access-Control-Allow-Origin")).as(origin).contains(origin);
        }
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() throws Exception {
        String base = start(List.of("https://app.example.com"));
        HttpResponse<String> p = preflight(base, "https://evil.example.net");
        assertThat(p.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(get(base, "https://evil.example.net").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight(base, "https://app.example.com.evil.example.net").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void thePortalItselfStillLoadsWhenOriginsAreListed() throws Exception {
        String base = start(List.of("https://app.example.com"));
        // browsers send Origin with module script requests, also to their own origin
        for (String path : List.of("/portal/", "/portal/app.js", "/portal/lib/api.js", "/portal/config.json")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Origin", base).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).isNotEmpty();
        }
    }

    @Test
    void byDefaultNoOriginIsAllowed() throws Exception {
        String base = start(List.of());
        HttpResponse<String> p = preflight(base, "https://app.example.com");
        assertThat(p.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(get(base, "https://app.example.com").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
