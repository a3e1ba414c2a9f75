package io.metering.bootstrap.config;

import io.metering.adapters.web.PortalSignIn;
import io.metering.adapters.web.WebSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web pages' settings ({@link #SETTINGS}; docs/portal.md, docs/console.md): which OpenID providers
 * sign customers and staff in, and which other origins may call the API from a browser.
 */
public final class WebConfiguration {
    /** The portal's settings; part of {@link Configuration#SETTINGS}. */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("METERING_PORTAL_OIDC_ISSUER", null, "Issuer URL of the OpenID provider the customer portal signs in with"
                    + " (authorization code flow with PKCE; endpoints from its discovery document). Unset: only development sign-in"
                    + " links (demo, token --kind portal) work."),
            new Setting("METERING_PORTAL_OIDC_CLIENT_ID", null, "The portal's public client id at that provider; required with"
                    + " METERING_PORTAL_OIDC_ISSUER."),
            new Setting("METERING_CONSOLE_OIDC_ISSUER", null, "Issuer URL of the OpenID provider the back-office console signs staff"
                    + " in with (its access tokens must be admin tokens). Unset: only development sign-in links (demo, token --kind"
                    + " admin) work."),
            new Setting("METERING_CONSOLE_OIDC_CLIENT_ID", null, "The console's public client id at that provider; required with"
                    + " METERING_CONSOLE_OIDC_ISSUER."),
            new Setting("METERING_CORS_ORIGINS", null, "Comma-separated origins (https://app.example.com) whose pages may call the API"
                    + " from a browser. Unset: no cross-origin use."));

    private WebConfiguration() {}

    /**
     * @param env environment variables
     * @throws ConfigurationException on a malformed issuer or origin, or an issuer without client id
     */
    public static WebSettings from(Map<String, String> env) {
        Optional<PortalSignIn> signIn = signIn(env, "METERING_PORTAL_OIDC");
        Optional<PortalSignIn> consoleSignIn = signIn(env, "METERING_CONSOLE_OIDC");
        List<String> origins = Configuration.optional(env, "METERING_CORS_ORIGINS").stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::trim)
                .filter(o -> !o.isEmpty())
                .map(WebConfiguration::origin)
                .toList();
        return new WebSettings(origins, signIn, consoleSignIn);
    }

    /** The provider named by {@code prefix_ISSUER} and {@code prefix_CLIENT_ID}, set together or not at all. */
    private static Optional<PortalSignIn> signIn(Map<String, String> env, String prefix) {
        Optional<String> issuer = Configuration.optional(env, prefix + "_ISSUER");
        Optional<String> clientId = Configuration.optional(env, prefix + "_CLIENT_ID");
        if (issuer.isPresent() != clientId.isPresent()) {
            throw new ConfigurationException(prefix + "_ISSUER and " + prefix + "_CLIENT_ID are set together or not at all");
        }
        try {
            return issuer.map(i -> new PortalSignIn(URI.create(i), clientId.orElseThrow()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(prefix + "_ISSUER: " + e.getMessage());
        }
    }

    /** An origin is scheme, host and optional port, nothing else: the browser's Origin header compares exactly. */
    private static String origin(String value) {
        try {
            URI uri = new URI(value);
            boolean bare = uri.getHost() != null && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (bare && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ConfigurationException("METERING_CORS_ORIGINS: '" + value + "' is not an origin such as https://app.example.com");
    }
}
