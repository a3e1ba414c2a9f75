package io.metering.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.adapters.web.WebSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portal's settings: OpenID provider and cross-origin origins, checked when the service starts. */
class WebConfigurationTest {

    @Test
    void byDefaultNoOriginAndNoProvider() {
        WebSettings web = WebConfiguration.from(Map.of());
        assertThat(web.corsOrigins()).isEmpty();
        assertThat(web.signIn()).isEmpty();
    }

    @Test
    void originsAreCommaSeparated() {
        WebSettings web = WebConfiguration.from(Map.of("METERING_CORS_ORIGINS", " https://app.example.com, http://localhost:3000 ,"));
        assertThat(web.corsOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
    }

    @Test
    void anOriginIsSchemeHostAndPortOnly() {
        for (String bad : new String[] {"https://app.example.com/", "https://app.example.com/portal", "app.example.com", "*",
            "ftp://app.example.com", "https://user@app.example.com"}) {
            assertThatThrownBy(() -> WebConfiguration.from(Map.of("METERING_CORS_ORIGINS", bad)))
                    .as(bad).isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_CORS_ORIGINS");
        }
    }

    @Test
    void theProviderNeedsIssuerAndClientId() {
        WebSettings web = WebConfiguration.from(Map.of("METERING_PORTAL_OIDC_ISSUER", "https://login.example.com/realms/utility",
                "METERING_PORTAL_OIDC_CLIENT_ID", "portal"));
        assertThat(web.signIn()).hasValueSatisfying(s -> {
            assertThat(s.clientId()).isEqualTo("portal");
            assertThat(s.issuerOrigin()).isEqualTo("https://login.example.com");
        });
        assertThatThrownBy(() -> WebConfiguration.from(Map.of("METERING_PORTAL_OIDC_ISSUER", "https://login.example.com")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_PORTAL_OIDC_CLIENT_ID");
        assertThatThrownBy(() -> WebConfiguration.from(Map.of("METERING_PORTAL_OIDC_ISSUER", "login.example.com",
                "METERING_PORTAL_OIDC_CLIENT_ID", "portal")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("absolute http(s) URL");
    }

    @Test
    void theConsoleHasItsOwnProvider() {
        WebSettings web = WebConfiguration.from(Map.of("METERING_CONSOLE_OIDC_ISSUER", "https://staff.example.com/realms/staff",
                "METERING_CONSOLE_OIDC_CLIENT_ID", "console"));
        assertThat(web.signIn()).isEmpty();
        assertThat(web.consoleSignIn()).hasValueSatisfying(s -> {
            assertThat(s.clientId()).isEqualTo("console");
            assertThat(s.issuerOrigin()).isEqualTo("https://staff.example.com");
        });
        assertThatThrownBy(() -> WebConfiguration.from(Map.of("METERING_CONSOLE_OIDC_CLIENT_ID", "console")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("METERING_CONSOLE_OIDC_ISSUER");
    }
}
