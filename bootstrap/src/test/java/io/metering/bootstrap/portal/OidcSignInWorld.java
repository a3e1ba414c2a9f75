package io.metering.bootstrap.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.TokenSettings;
import io.metering.bootstrap.demo.DemoIds;
import io.metering.testing.FreePorts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the OIDC sign-in tests of the portal and the console run against: the OpenID provider
 * ({@link OidcProvider}) issuing one kind of token, the service with the demo data verifying that
 * kind through the provider's JWK set with the provider as issuer and a fixed audience, and
 * Debian's Chromium.
 */
final class OidcSignInWorld implements AutoCloseable {
    static final String AUDIENCE = "urn:metering:api";
    private static final ObjectMapper JSON = new ObjectMapper();

    final OidcProvider provider;
    final MeteringServer server;
    final Chromium chromium;
    /** The service, {@code http://localhost:<port>}. */
    final String base;

    private OidcSignInWorld(OidcProvider provider, MeteringServer server, Chromium chromium, String base) {
        this.provider = provider;
        this.server = server;
        this.chromium = chromium;
        this.base = base;
    }

    /**
     * @param page {@code portal} or {@code console}: the page signing in, its redirect URI and its
     *     {@code METERING_<PAGE>_OIDC_*} settings
     * @param tokenKind {@code PORTAL} or {@code ADMIN}: the {@code METERING_<KIND>_JWT_*} settings
     * @param claims the provider's KIND (and CONTACT_ID) for the tokens it issues
     */
    static OidcSignInWorld start(Path dataDir, Path browserDir, String page, String tokenKind, String clientId, Map<String, String> claims)
            throws Exception {
        OidcProvider.assumeNode();
        Chromium chromium = Chromium.start(browserDir, "en-US");
        int port = FreePorts.free();
        String base = "http://localhost:" + port;
        Map<String, String> providerEnv = new HashMap<>(claims);
        providerEnv.putAll(Map.of("CLIENT_ID", clientId, "REDIRECT_URI", base + "/" + page + "/", "AUDIENCE", AUDIENCE,
                "ORG_ID", DemoIds.ORG.value()));
        OidcProvider provider = OidcProvider.start(providerEnv);
        String pagePrefix = "METERING_" + page.toUpperCase(Locale.ROOT) + "_OIDC_";
        Map<String, String> env = new HashMap<>();
        env.put("METERING_DATA_DIR", dataDir.toString());
        env.put("METERING_JWT_JWKS_URL", provider.issuer + "/jwks");
        env.put("METERING_" + tokenKind + "_JWT_ISSUER", provider.issuer);
        env.put("METERING_" + tokenKind + "_JWT_AUDIENCE", AUDIENCE);
        env.put(pagePrefix + "ISSUER", provider.issuer);
        env.put(pagePrefix + "CLIENT_ID", clientId);
        Configuration config = Configuration.from(env);
        MeteringServer server = DemoService.serve(config, new JwtAuthenticator(TokenSettings.of(config), Clock.systemUTC()), port);
        return new OidcSignInWorld(provider, server, chromium, base);
    }

    /** The token is the provider's RS256 JWT access token for the service's audience, issued to {@code subject}; its claims. */
    JsonNode assertProvidersAccessToken(String token, String subject) throws Exception {
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(claims.get("iss").asText()).isEqualTo(provider.issuer);
        assertThat(claims.get("aud").asText()).isEqualTo(AUDIENCE);
        assertThat(claims.get("sub").asText()).isEqualTo(subject);
        return claims;
    }

    @Override
    public void close() throws Exception {
        chromium.close();
        server.close();
        provider.close();
    }
}
