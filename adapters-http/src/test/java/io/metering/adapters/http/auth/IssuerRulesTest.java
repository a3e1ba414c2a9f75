package io.metering.adapters.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import io.metering.application.access.CallerKind;
import io.metering.application.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issuer and audience per token kind, and the kind taken from the verified issuer. */
class IssuerRulesTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
    private static final Instant NOW = Instant.parse("2024-06-15T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final JwtSettings settings = JwtSettings.builder().secret(SECRET.getBytes())
            .admin(new IssuerRule("https://idp.example/admin", "metering-admin"))
            .portal(new IssuerRule("https://idp.example/portal", "metering-portal"))
            .build();
    private final JwtAuthenticator authenticator = new JwtAuthenticator(settings, clock);

    @Test
    void theIssuerDecidesTheKindWhenNoKindClaimIsGiven() {
        VerifiedToken admin = verify(claims("https://idp.example/admin", "metering-admin", null));
        VerifiedToken portal = verify(claims("https://idp.example/portal", "metering-portal", null).claim("contact_id", "c-1"));

        assertThat(admin.caller().kind()).isEqualTo(CallerKind.ADMIN);
        assertThat(portal.caller().kind()).isEqualTo(CallerKind.PORTAL);
        assertThat(portal.caller().contactId()).isEqualTo("c-1");
    }

    @Test
    void aKindClaimThatContradictsTheIssuerIsRefused() {
        // the portal identity provider must never be able to mint admin tokens
        assertThatThrownBy(() -> verify(claims("https://idp.example/portal", "metering-portal", "admin")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("contradicts");
        assertThatThrownBy(() -> verify(claims("https://idp.example/admin", "metering-admin", "portal").claim("contact_id", "c")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("contradicts");
    }

    @Test
    void eachKindNeedsItsOwnAudience() {
        assertThatThrownBy(() -> verify(claims("https://idp.example/admin", "metering-portal", null)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("audience");
        assertThatThrownBy(() -> verify(claims("https://idp.example/portal", "metering-admin", null).claim("contact_id", "c")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("audience");
        assertThat(verify(claims("https://idp.example/admin", null, null).audience(List.of("other", "metering-admin")))
                .caller().isAdmin()).isTrue();
    }

    @Test
    void anUnknownOrMissingIssuerIsRefused() {
        assertThatThrownBy(() -> verify(claims("https://evil.example", "metering-admin", "admin")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("issuer");
        assertThatThrownBy(() -> verify(claims(null, "metering-admin", "admin")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("issuer");
        assertThatThrownBy(() -> verify(claims("https://evil.example", "metering-admin", null)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("issuer");
    }

    @Test
    void withOneIssuerForBothKindsTheKindClaimIsRequired() {
        JwtAuthenticator shared = new JwtAuthenticator(JwtSettings.of(SECRET, "https://idp.example", "metering"), clock);

        assertThatThrownBy(() -> shared.verify(TestTokens.hs256(SECRET, claims("https://idp.example", "metering", null).build())))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("kind");
        assertThat(shared.verify(TestTokens.hs256(SECRET, claims("https://idp.example", "metering", "admin").build())).caller()
                .isAdmin()).isTrue();
    }

    @Test
    void theMinterWritesTheIssuerAndAudienceOfTheTokensKind() throws Exception {
        TokenMinter minter = new TokenMinter(settings, clock);

        String admin = minter.mint(TokenClaims.admin("org-1", "a"), Duration.ofMinutes(5));
        String portal = minter.mint(TokenClaims.portal("org-1", "p", "c", List.of()), Duration.ofMinutes(5));

        JWTClaimsSet adminClaims = com.nimbusds.jwt.SignedJWT.parse(admin).getJWTClaimsSet();
        assertThat(adminClaims.getIssuer()).isEqualTo("https://idp.example/admin");
        assertThat(adminClaims.getAudience()).containsExactly("metering-admin");
        assertThat(authenticator.verify(admin).caller().isAdmin()).isTrue();
        assertThat(authenticator.verify(portal).caller().isAdmin()).isFalse();
    }

    private VerifiedToken verify(JWTClaimsSet.Builder claims) {
        return authenticator.verify(TestTokens.hs256(SECRET, claims.build()));
    }

    private static JWTClaimsSet.Builder claims(String issuer, String audience, String kind) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("someone")
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("org_id", "org-1");
        if (audience != null) {
            b.audience(audience);
        }
        if (kind != null) {
            b.claim("kind", kind);
        }
        return b;
    }
}
