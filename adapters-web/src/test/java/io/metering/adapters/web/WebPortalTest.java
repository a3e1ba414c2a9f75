package io.metering.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The portal's routes on a bare Javalin app: redirects, files, headers, caching, compression, sign-in config. */
class WebPortalTest extends BareWebApp {
    private static HttpResponse<byte[]> get(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theRootAndThePathWithoutSlashLeadToThePortal() throws Exception {
        String base = start(WebSettings.defaults());
        for (String path : List.of("/", "/portal")) {
            HttpResponse<byte[]> r = get(base + path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(path).contains("/portal/");
        }
    }

    @Test
    void thePageCarriesTheSecurityHeadersAndIsRevalidated() throws Exception {
        String base = start(WebSettings.defaults());
        HttpResponse<byte[]> r = get(base + "/portal/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'", "connect-src 'self';")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-cache");
        String html = new String(r.body(), StandardCharsets.UTF_8);
        // no inline script or style for the policy to allow
        assertThat(html).containsPattern("<script type=\"module\" src=\"app.js\"></script>")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("<style", " style=");
    }

    @Test
    void modulesAreGzippedAndRevalidatedWithAnEtag() throws Exception {
        String base = start(WebSettings.defaults());
        HttpResponse<byte[]> r = get(base + "/portal/app.js", "Accept-Encoding", "gzip");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-cache");
        String js = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(js).contains("import { metersView }");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(get(base + "/portal/app.js", "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void versionedLibrariesAreCachedForAYear() throws Exception {
        String base = start(WebSettings.defaults());
        String uplot = WebPortal.webjarVersion(WebPortal.UPLOT_PROPERTIES);
        for (String path : List.of("/portal/vendor/uplot/" + uplot + "/dist/uPlot.esm.js", "/portal/vendor/uplot/" + uplot + "/dist/uPlot.min.css",
                "/portal/vendor/oidc-client-ts/3.5.0/oidc-client-ts.min.js")) {
            HttpResponse<byte[]> r = get(base + path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control")).as(path).contains("public, max-age=31536000, immutable");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    @Test
    void thePageNamesTheUplotVersionOnTheClasspath() throws Exception {
        String base = start(WebSettings.defaults());
        String uplot = WebPortal.webjarVersion(WebPortal.UPLOT_PROPERTIES);
        assertThat(new String(get(base + "/portal/").body(), StandardCharsets.UTF_8)).contains("vendor/uplot/" + uplot + "/dist/uPlot.min.css");
        assertThat(new String(get(base + "/portal/views/consumption.js").body(), StandardCharsets.UTF_8))
                .contains("vendor/uplot/" + uplot + "/dist/uPlot.esm.js");
    }

    @Test
    void unknownFilesAre404() throws Exception {
        String base = start(WebSettings.defaults());
        assertThat(get(base + "/portal/no-such.js").statusCode()).isEqualTo(404);
        assertThat(get(base + "/portal/vendor/uplot/0.0.1/dist/uPlot.esm.js").statusCode()).isEqualTo(404);
        assertThat(get(base + "/portal/../../META-INF/MANIFEST.MF").statusCode()).isIn(400, 404);
    }

    @Test
    void withoutAProviderTheSignInConfigSaysSo() throws Exception {
        String base = start(WebSettings.defaults());
        HttpResponse<byte[]> r = get(base + "/portal/config.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"oidc\":null}");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void withAProviderThePageMayReachItsOrigin() throws Exception {
        PortalSignIn signIn = new PortalSignIn(URI.create("https://login.example.com:8443/realms/metering"), "portal");
        String base = start(new WebSettings(List.of(), Optional.of(signIn)));
        HttpResponse<byte[]> r = get(base + "/portal/config.json");
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"oidc\":{\"issuer\":\"https://login.example.com:8443/realms/metering\",\"client_id\":\"portal\"}}");
        assertThat(get(base + "/portal/").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("connect-src 'self' https://login.example.com:8443;");
    }
}
