package io.metering.bootstrap.config;

import io.metering.adapters.http.auth.IssuerRule;
import io.metering.adapters.http.auth.JwksSettings;
import io.metering.adapters.http.auth.JwtSettings;
import java.util.Optional;

/** The HTTP adapter's {@link JwtSettings} from the configuration and the resolved secret. */
public final class TokenSettings {
    private TokenSettings() {}

    /**
     * @param config the configuration
     * @return the settings the authenticator and the token minter share
     * @throws ConfigurationException if the secret file in the data directory is unusable
     */
    public static JwtSettings of(Configuration config) {
        return of(config, JwtSecrets.resolve(config));
    }

    /**
     * @param config the configuration
     * @param secret the HS256 secret, empty for none
     * @return the settings the authenticator and the token minter share
     */
    public static JwtSettings of(Configuration config, Optional<byte[]> secret) {
        TokenConfiguration t = config.tokens();
        JwksSettings jwks = t.hasJwks()
                ? JwksSettings.of(t.jwksUrl().orElse(null), t.jwksFile().orElse(null), t.jwksDefaultAlgorithm().orElse(null), t.jwksCache())
                : null;
        return JwtSettings.builder()
                .secret(secret.orElse(null))
                .jwks(jwks)
                .admin(new IssuerRule(t.adminIssuer().orElse(null), t.adminAudience().orElse(null)))
                .portal(new IssuerRule(t.portalIssuer().orElse(null), t.portalAudience().orElse(null)))
                .leeway(t.leeway())
                .build();
    }
}
