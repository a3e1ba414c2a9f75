package io.metering.adapters.web;

import java.net.URI;
import java.util.Objects;

/**
 * The OpenID provider the portal signs customers in with (authorization code flow with PKCE, in the
 * browser). The provider's endpoints come from its discovery document
 * ({@code issuer + "/.well-known/openid-configuration"}); the access token it issues is the bearer
 * token the API verifies (docs/authentication.md).
 *
 * @param issuer the provider's issuer URL, exactly as its tokens carry it in {@code iss}
 * @param clientId the portal's public client id at the provider
 */
public record PortalSignIn(URI issuer, String clientId) {
    /** @throws IllegalArgumentException if the issuer is not an absolute http(s) URL or the client id is blank */
    public PortalSignIn {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        String scheme = issuer.getScheme();
        if (!("https".equals(scheme) || "http".equals(scheme)) || issuer.getHost() == null) {
            throw new IllegalArgumentException("the OIDC issuer must be an absolute http(s) URL, not '" + issuer + "'");
        }
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("the OIDC client id must not be blank");
        }
    }

    /** The issuer's origin ({@code scheme://host[:port]}), which the page's Content-Security-Policy lets it reach. */
    public String issuerOrigin() {
        return issuer.getScheme() + "://" + issuer.getRawAuthority();
    }
}
