package io.metering.adapters.http;

import io.metering.testing.BearerTokens;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.metering.adapters.http.auth.IssuerRule;
import io.metering.adapters.http.auth.JwksSettings;
import io.metering.adapters.http.auth.JwtSettings;
import io.metering.adapters.http.auth.TestTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The keys and token kinds of {@link AccessMatrixTest}'s app, configured the way production is:
 * an HS256 secret and a JWK set side by side, and distinct issuers and audiences for admin and
 * portal tokens.
 */
final class MatrixTokens {
    static final String SECRET = "matrix-secret-matrix-secret-matrix-secret-0123456789";
    static final String ADMIN_ISSUER = "https://idp.test/admin";
    static final String ADMIN_AUDIENCE = "metering-admin";
    static final String PORTAL_ISSUER = "https://idp.test/portal";
    static final String PORTAL_AUDIENCE = "metering-portal";

    private final RSAKey rsa = TestTokens.rsa("matrix-rs256", JWSAlgorithm.RS256);
    private final JwtSettings settings;
    private final BearerTokens tokens;

    /**
     * @param dir where the JWK set file is written
     * @param clock the app's clock
     */
    MatrixTokens(Path dir, Clock clock) {
        settings = JwtSettings.builder()
                .secret(SECRET.getBytes(StandardCharsets.UTF_8))
                .jwks(JwksSettings.file(TestTokens.jwksFile(dir, rsa), null))
                .admin(new IssuerRule(ADMIN_ISSUER, ADMIN_AUDIENCE))
                .portal(new IssuerRule(PORTAL_ISSUER, PORTAL_AUDIENCE))
                .build();
        tokens = BearerTokens.hs256(SECRET).withAdminIssuer(ADMIN_ISSUER, ADMIN_AUDIENCE)
                .withPortalIssuer(PORTAL_ISSUER, PORTAL_AUDIENCE).withClock(clock);
    }

    JwtSettings settings() {
        return settings;
    }

    /** Every string that must never reach a log: the secret and the private key. */
    List<String> secrets() {
        return List.of(SECRET, rsa.getPrivateExponent().toString(), rsa.getFirstPrimeFactor().toString());
    }

    String admin(String org) {
        return tokens.admin(org, "matrix-admin");
    }

    /** An admin token with more claims ({@link BearerTokens#actingFor}, {@link BearerTokens#limitedTo}). */
    String admin(String org, String subject, UnaryOperator<JWTClaimsSet.Builder> more) {
        return tokens.admin(org, subject, more);
    }

    String portal(String org, String contact) {
        return tokens.portal(org, "matrix-customer", contact);
    }

    /** An admin token signed by the identity provider's RSA key of the JWK set. */
    String adminRs256(String org) {
        return TestTokens.sign(rsa, JWSAlgorithm.RS256, adminClaims(org).build());
    }

    /** Admin claims as the admin issuer writes them, valid for an hour. */
    JWTClaimsSet.Builder adminClaims(String org) {
        return tokens.adminClaims(org, "matrix-admin");
    }

    String hs256(JWTClaimsSet claims) {
        return tokens.sign(claims);
    }

    String hs256WithOtherSecret(JWTClaimsSet claims) {
        return TestTokens.hs256("another-secret-another-secret-another-secret-0123", claims);
    }

    /** HS256 keyed with the JWK set's RSA public key (algorithm confusion). */
    String confusion(JWTClaimsSet claims) {
        return TestTokens.confusion(rsa.toPublicJWK(), claims).get(0);
    }
}
