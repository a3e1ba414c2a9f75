package io.metering.adapters.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.metering.application.access.Caller;
import io.metering.application.access.CallerKind;
import io.metering.application.fakes.MutableClock;
import io.metering.domain.tenant.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtAuthenticatorTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
    private static final Instant NOW = Instant.parse("2024-06-15T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final JwtSettings settings = JwtSettings.of(SECRET, "issuer-a", "aud-a");
    private final JwtAuthenticator authenticator = new JwtAuthenticator(settings, clock);
    private final TokenMinter minter = new TokenMinter(settings, clock);

    @Test
    void acceptsMintedAdminToken() {
        Caller caller = authenticator.authenticate(minter.mint(TokenClaims.admin("org-1", "alice"), Duration.ofMinutes(5)));

        assertThat(caller.kind()).isEqualTo(CallerKind.ADMIN);
        assertThat(caller.org().value()).isEqualTo("org-1");
        assertThat(caller.subject()).isEqualTo("alice");
    }

    @Test
    void acceptsMintedPortalTokenWithContactAndContracts() {
        String token = minter.mint(TokenClaims.portal("org-1", "bob", "contact-7", List.of("k1", "k2")), Duration.ofMinutes(5));

        Caller caller = authenticator.authenticate(token);

        assertThat(caller.kind()).isEqualTo(CallerKind.PORTAL);
        assertThat(caller.contactId()).isEqualTo("contact-7");
        assertThat(caller.contractIds()).containsExactlyInAnyOrder("k1", "k2");
    }

    @Test
    void refusesExpiredTokenBeyondLeewayButAcceptsWithinIt() {
        String token = minter.mint(TokenClaims.admin("org-1", "alice"), Duration.ofMinutes(5));

        clock.set(NOW.plus(Duration.ofMinutes(5)).plusSeconds(20));
        assertThat(authenticator.authenticate(token).isAdmin()).isTrue();

        clock.set(NOW.plus(Duration.ofMinutes(5)).plusSeconds(31));
        assertThatThrownBy(() -> authenticator.authenticate(token))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceExpiredAndTheLeewayPassed() {
        String token = minter.mint(TokenClaims.admin("org-1", "alice"), Duration.ofMinutes(5));
        assertThat(authenticator.authenticate(token).isAdmin()).isTrue();

        clock.set(NOW.plus(Duration.ofMinutes(5)).minusSeconds(1));
        assertThat(authenticator.authenticate(token).subject()).isEqualTo("alice");
        clock.set(NOW.plus(Duration.ofMinutes(5)).plusSeconds(31));
        assertThatThrownBy(() -> authenticator.authenticate(token))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("expired");
    }

    @Test
    void aRefusedTokenStaysRefusedAndAnotherTokenIsCheckedOnItsOwn() {
        String good = minter.mint(TokenClaims.admin("org-1", "alice"), Duration.ofMinutes(5));
        String forged = sign(JWSAlgorithm.HS256, "another-secret-another-secret-another", claims().build());
        assertThat(authenticator.authenticate(good).subject()).isEqualTo("alice");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> authenticator.authenticate(forged)).isInstanceOf(AuthenticationException.class);
        }
        assertThat(authenticator.authenticate(" " + good + " ").subject()).isEqualTo("alice");
    }

    @Test
    void refusesTokenBeforeNotBefore() {
        String token = sign(JWSAlgorithm.HS256, SECRET, claims().notBeforeTime(Date.from(NOW.plusSeconds(120))).build());

        assertThatThrownBy(() -> authenticator.authenticate(token))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("not valid yet");
    }

    @Test
    void refusesTokenWithoutExpiry() {
        String token = sign(JWSAlgorithm.HS256, SECRET, claims().expirationTime(null).build());

        assertThatThrownBy(() -> authenticator.authenticate(token))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("required claim");
    }

    @Test
    void aMalformedTimeClaimIsNamedNotMistakenForATypeOrAnExpiry() {
        String base = "\"iss\":\"issuer-a\",\"aud\":\"aud-a\",\"sub\":\"alice\",\"org_id\":\"org-1\",\"kind\":\"admin\"";
        String expAsText = signPayload("{" + base + ",\"exp\":\"" + NOW.plusSeconds(300).getEpochSecond() + "\"}");
        String expHuge = signPayload("{" + base + ",\"exp\":1e30}");
        String nbfAsText = signPayload("{" + base + ",\"exp\":" + NOW.plusSeconds(300).getEpochSecond() + ",\"nbf\":\"soon\"}");

        for (String token : List.of(expAsText, expHuge)) {
            assertThatThrownBy(() -> authenticator.authenticate(token)).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("invalid exp claim").hasMessageNotContaining("typ").hasMessageNotContaining("expired")
                    .hasMessageNotContaining(SECRET);
        }
        assertThatThrownBy(() -> authenticator.authenticate(nbfAsText)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("invalid nbf claim");
        // a well-formed past exp is still "expired"
        assertThatThrownBy(() -> authenticator.authenticate(signPayload("{" + base + ",\"exp\":1000}")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("expired");
    }

    @Test
    void refusesUnsignedAlgNoneToken() {
        String token = new PlainJWT(claims().build()).serialize();

        assertThatThrownBy(() -> authenticator.authenticate(token))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("unsigned");
    }

    @Test
    void refusesAlgNoneHeaderOnASignedLookingToken() {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
        String payload = Base64URL.encode(claims().build().toString().getBytes(StandardCharsets.UTF_8)).toString();

        assertThatThrownBy(() -> authenticator.authenticate(header + "." + payload + "."))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void refusesOtherAlgorithmEvenWithTheRightSecret() {
        String token = sign(JWSAlgorithm.HS512, SECRET + SECRET, claims().build());
        JwtAuthenticator longSecret = new JwtAuthenticator(JwtSettings.of(SECRET + SECRET, "issuer-a", "aud-a"), clock);

        assertThatThrownBy(() -> longSecret.authenticate(token))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("HS256");
    }

    @Test
    void refusesWrongSignature() {
        String token = sign(JWSAlgorithm.HS256, "another-secret-another-secret-another-secret", claims().build());

        assertThatThrownBy(() -> authenticator.authenticate(token))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("signature");
    }

    @Test
    void refusesGarbage() {
        assertThatThrownBy(() -> authenticator.authenticate("not-a-token"))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("well-formed");
        assertThatThrownBy(() -> authenticator.authenticate(" "))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("missing");
    }

    @Test
    void refusesWrongIssuerAndWrongAudience() {
        String wrongIssuer = sign(JWSAlgorithm.HS256, SECRET, claims().issuer("someone-else").build());
        String wrongAudience = sign(JWSAlgorithm.HS256, SECRET, claims().audience("other-aud").build());

        assertThatThrownBy(() -> authenticator.authenticate(wrongIssuer)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> authenticator.authenticate(wrongAudience)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void acceptsAnyIssuerAndAudienceWhenNoneConfigured() {
        JwtAuthenticator lenient = new JwtAuthenticator(JwtSettings.of(SECRET, null, null), clock);
        String token = sign(JWSAlgorithm.HS256, SECRET, claims().issuer("x").audience("y").build());

        assertThat(lenient.authenticate(token).isAdmin()).isTrue();
    }

    @Test
    void refusesMissingOrMalformedCallerClaims() {
        String noOrg = sign(JWSAlgorithm.HS256, SECRET, claims().claim("org_id", null).build());
        String badKind = sign(JWSAlgorithm.HS256, SECRET, claims().claim("kind", "superuser").build());
        String portalWithoutContact = sign(JWSAlgorithm.HS256, SECRET, claims().claim("kind", "portal").build());
        String numericOrg = sign(JWSAlgorithm.HS256, SECRET, claims().claim("org_id", 42).build());
        String badContracts = sign(JWSAlgorithm.HS256, SECRET,
                claims().claim("kind", "portal").claim("contact_id", "c").claim("contract_ids", List.of(1, 2)).build());

        for (String token : List.of(noOrg, badKind, portalWithoutContact, numericOrg, badContracts)) {
            assertThatThrownBy(() -> authenticator.authenticate(token)).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void acceptsPortalTokenWithContractsOnly() {
        String token = minter.mint(TokenClaims.portal("org-1", "bob", null, List.of("k1")), Duration.ofMinutes(5));

        Caller caller = authenticator.authenticate(token);

        assertThat(caller.contactId()).isNull();
        assertThat(caller.contractIds()).containsExactly("k1");
    }

    @Test
    void readsActForOrgsAndPermissionsOfAdminTokens() {
        VerifiedToken plain = authenticator.verify(minter.mint(TokenClaims.admin("org-1", "a"), Duration.ofMinutes(5)));
        VerifiedToken delegated = authenticator.verify(minter.mint(TokenClaims.admin("org-1", "a").actingFor(List.of("org-2"))
                .limitedTo(List.of("meter_reading:edit")), Duration.ofMinutes(5)));
        VerifiedToken anyOrg = authenticator.verify(sign(JWSAlgorithm.HS256, SECRET, claims().claim("act_for_orgs", List.of("*"))
                .claim("scope", "openid meter_reading:view").build()));

        assertThat(plain.actForOrgs()).isEmpty();
        assertThat(plain.permissions()).isEmpty();
        assertThat(plain.grants(VerifiedToken.METER_READING_EDIT)).isTrue();
        assertThat(plain.mayActFor(new OrganizationId("org-2"))).isFalse();
        assertThat(plain.mayActFor(new OrganizationId("org-1"))).isTrue();
        assertThat(delegated.mayActFor(new OrganizationId("org-2"))).isTrue();
        assertThat(delegated.mayActFor(new OrganizationId("org-3"))).isFalse();
        assertThat(delegated.grants(VerifiedToken.METER_READING_EDIT)).isTrue();
        assertThat(anyOrg.mayActFor(new OrganizationId("org-3"))).isTrue();
        assertThat(anyOrg.permissions()).contains(java.util.Set.of("openid", "meter_reading:view"));
        assertThat(anyOrg.grants(VerifiedToken.METER_READING_EDIT)).isFalse();
    }

    @Test
    void portalTokensNeverActForOtherOrganizationsNorCarryAdminClaims() {
        VerifiedToken portal = authenticator.verify(sign(JWSAlgorithm.HS256, SECRET, claims().claim("kind", "portal")
                .claim("contact_id", "c").claim("act_for_orgs", List.of("*")).build()));

        assertThat(portal.mayActFor(new OrganizationId("org-2"))).isFalse();
        assertThat(portal.actForOrgs()).isEmpty();
    }

    @Test
    void refusesMalformedAdminClaims() {
        String badOrgs = sign(JWSAlgorithm.HS256, SECRET, claims().claim("act_for_orgs", "org-2").build());
        String badOrgId = sign(JWSAlgorithm.HS256, SECRET, claims().claim("act_for_orgs", List.of("has space")).build());
        String badPermissions = sign(JWSAlgorithm.HS256, SECRET, claims().claim("permissions", "meter_reading:edit").build());
        String badScope = sign(JWSAlgorithm.HS256, SECRET, claims().claim("scope", 7).build());

        for (String token : List.of(badOrgs, badOrgId, badPermissions, badScope)) {
            assertThatThrownBy(() -> authenticator.authenticate(token)).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void acceptsTheAccessTokenTypeAndRefusesOtherTypes() {
        String accessToken = signTyped("at+jwt");
        String other = signTyped("secevent+jwt");

        assertThat(authenticator.authenticate(accessToken).isAdmin()).isTrue();
        assertThatThrownBy(() -> authenticator.authenticate(other)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("typ");
    }

    @Test
    void refusesEncryptedTokens() throws Exception {
        com.nimbusds.jwt.EncryptedJWT jwe = new com.nimbusds.jwt.EncryptedJWT(
                new com.nimbusds.jose.JWEHeader(com.nimbusds.jose.JWEAlgorithm.DIR, com.nimbusds.jose.EncryptionMethod.A256GCM),
                claims().build());
        jwe.encrypt(new com.nimbusds.jose.crypto.DirectEncrypter(SECRET.substring(0, 32).getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> authenticator.authenticate(jwe.serialize())).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("encrypted");
    }

    @Test
    void refusesAlgNoneInAnySpelling() {
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            String token = TestTokens.unsigned(alg, claims().build());
            assertThatThrownBy(() -> authenticator.authenticate(token)).as(alg).isInstanceOf(AuthenticationException.class);
            String withSignature = token + Base64URL.encode("x".repeat(32)).toString();
            assertThatThrownBy(() -> authenticator.authenticate(withSignature)).as(alg).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void settingsNeedAKeyAndMinterNeedsTheSecret() {
        assertThatThrownBy(() -> JwtSettings.builder().build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        JwtSettings jwksOnly = JwtSettings.builder().jwks(JwksSettings.file(java.nio.file.Path.of("keys.json"), null)).build();
        assertThatThrownBy(() -> new TokenMinter(jwksOnly, clock).mint(TokenClaims.admin("o", "s"), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("METERING_JWT_SECRET");
        assertThat(jwksOnly.acceptsHs256()).isFalse();
    }

    @Test
    void messagesNeverRepeatTheToken() {
        String token = sign(JWSAlgorithm.HS256, "another-secret-another-secret-another-secret", claims().build());

        assertThatThrownBy(() -> authenticator.authenticate(token))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token.substring(0, 20)));
    }

    @Test
    void settingsRefuseShortSecretsAndHideTheSecret() {
        assertThatThrownBy(() -> JwtSettings.of("too-short", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.toString()).doesNotContain(SECRET).contains("bytes");
    }

    @Test
    void minterRefusesNonPositiveTtl() {
        assertThatThrownBy(() -> minter.mint(TokenClaims.admin("o", "s"), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(minter.mint(TokenClaims.admin("o", "s"), Duration.ofMinutes(1)).split("\\.")).hasSize(3);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer("issuer-a")
                .audience("aud-a")
                .subject("alice")
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("org_id", "org-1")
                .claim("kind", "admin");
    }

    private static String signTyped(String typ) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType(typ)).build(), claims().build());
            jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 over a raw JSON payload, for claims the claims builder cannot express. */
    private static String signPayload(String json) {
        try {
            com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                    new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), new com.nimbusds.jose.Payload(json));
            jws.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return jws.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSAlgorithm alg, String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
