package io.metering.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's routes on a bare Javalin app: page, files, headers, its own sign-in config beside the portal's. */
class WebConsoleTest extends BareWebApp {
    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePathWithoutSlashLeadsToTheConsolePage() throws Exception {
        String base = start(WebSettings.defaults());
        HttpResponse<String> redirect = get(base + "/console");
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).contains("/console/");

        HttpResponse<String> page = get(base + "/console/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>", "Back-office console")
                .doesNotContain("<style", " style=");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self';", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    }

    @Test
    void theConsoleImportsThePortalsSharedModulesInsteadOfCopies() throws Exception {
        String base = start(WebSettings.defaults());
        HttpResponse<String> app = get(base + "/console/app.js");
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.body()).contains("from '../portal/lib/session.js'", "from '../portal/lib/api.js'");
        assertThat(get(base + "/console/lib/api.js").statusCode()).isEqualTo(404);
        assertThat(get(base + "/console/messages/de.json").body()).contains("\"console.nav.changesets\"");
    }

    @Test
    void theConsoleHasItsOwnProviderBesideThePortals() throws Exception {
        PortalSignIn portal = new PortalSignIn(URI.create("https://login.example.com/realms/customers"), "portal");
        PortalSignIn staff = new PortalSignIn(URI.create("https://staff-login.example.com/realms/staff"), "console");
        String base = start(new WebSettings(List.of(), Optional.of(portal), Optional.of(staff)));
        assertThat(get(base + "/console/config.json").body())
                .isEqualTo("{\"oidc\":{\"issuer\":\"https://staff-login.example.com/realms/staff\",\"client_id\":\"console\"}}");
        assertThat(get(base + "/console/").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("connect-src 'self' https://staff-login.example.com;").doesNotContain("https://login.example.com");
        assertThat(get(base + "/portal/config.json").body()).contains("\"client_id\":\"portal\"");
    }

    @Test
    void withoutAProviderOnlyDevelopmentLinksWork() throws Exception {
        String base = start(WebSettings.defaults());
        assertThat(get(base + "/console/config.json").body()).isEqualTo("{\"oidc\":null}");
    }
}
