package io.metering.adapters.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.metering.application.access.Caller;
import io.metering.application.access.CallerKind;
import io.metering.application.fakes.MutableClock;
import io.metering.domain.tenant.OrganizationId;
import io.metering.testing.BearerTokens;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tests' token minter (test-fixtures {@link BearerTokens}, written on nimbus-jose-jwt because
 * that module cannot see this one) mints what the product's {@link TokenMinter} mints and what
 * {@link JwtAuthenticator} accepts, with distinct issuers and audiences per kind as production has.
 */
class BearerTokensAgreeTest {
    private static final String SECRET = "agreeing-secret-agreeing-secret-0123456789";
    private static final Instant NOW = Instant.parse("2024-06-15T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final JwtSettings settings = JwtSettings.builder().secret(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .admin(new IssuerRule("https://idp.test/admin", "metering-admin"))
            .portal(new IssuerRule("https://idp.test/portal", "metering-portal")).build();
    private final JwtAuthenticator authenticator = new JwtAuthenticator(settings, clock);
    private final BearerTokens tokens = BearerTokens.hs256(SECRET).withAdminIssuer("https://idp.test/admin", "metering-admin")
            .withPortalIssuer("https://idp.test/portal", "metering-portal").withClock(clock);

    @Test
    void theServiceAcceptsTheFixturesAdminAndPortalTokens() {
        Caller admin = authenticator.authenticate(tokens.admin("org-1", "alice"));
        Caller portal = authenticator.authenticate(tokens.portal("org-1", "bob", "contact-7", "k1", "k2"));

        assertThat(admin.kind()).isEqualTo(CallerKind.ADMIN);
        assertThat(admin.org().value()).isEqualTo("org-1");
        assertThat(admin.subject()).isEqualTo("alice");
        assertThat(portal.kind()).isEqualTo(CallerKind.PORTAL);
        assertThat(portal.contactId()).isEqualTo("contact-7");
        assertThat(portal.contractIds()).containsExactlyInAnyOrder("k1", "k2");
    }

    @Test
    void actingForAndPermissionsReachTheService() {
        VerifiedToken delegated = authenticator.verify(tokens.admin("org-1", "support", BearerTokens.actingFor(List.of("org-2"))));
        VerifiedToken limited = authenticator.verify(tokens.admin("org-1", "viewer", BearerTokens.limitedTo(List.of("meter_reading:view"))));

        assertThat(delegated.mayActFor(new OrganizationId("org-2"))).isTrue();
        assertThat(delegated.mayActFor(new OrganizationId("org-3"))).isFalse();
        assertThat(limited.grants(VerifiedToken.METER_READING_EDIT)).isFalse();
    }

    @Test
    void anExpiredOrForeignTokenIsRefused() {
        String expired = tokens.withClock(Clock.fixed(NOW.minus(Duration.ofHours(3)), ZoneOffset.UTC)).admin("org-1", "alice");
        String foreign = BearerTokens.hs256("another-secret-another-secret-0123456789").admin("org-1", "alice");

        assertThatThrownBy(() -> authenticator.authenticate(expired)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> authenticator.authenticate(foreign)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void theFixtureWritesTheClaimsTheProductsMinterWrites() throws ParseException {
        TokenMinter minter = new TokenMinter(settings, clock);

        assertThat(claims(tokens.admin("org-1", "alice")).getClaims().keySet())
                .isEqualTo(claims(minter.mint(TokenClaims.admin("org-1", "alice"), Duration.ofHours(1))).getClaims().keySet());
        JWTClaimsSet fixture = claims(tokens.portal("org-1", "bob", "contact-7", "k1"));
        JWTClaimsSet product = claims(minter.mint(TokenClaims.portal("org-1", "bob", "contact-7", List.of("k1")), Duration.ofHours(1)));
        assertThat(fixture.getClaims().keySet()).isEqualTo(product.getClaims().keySet());
        for (String name : List.of("iss", "aud", "sub", "org_id", "kind", "contact_id", "contract_ids", "exp")) {
            assertThat(fixture.getClaim(name)).as(name).isEqualTo(product.getClaim(name));
        }
    }

    private static JWTClaimsSet claims(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }
}
