package io.metering.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.metering.adapters.http.auth.AuthenticationException;
import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.adapters.http.auth.JwtSettings;
import io.metering.adapters.http.auth.TokenClaims;
import io.metering.adapters.http.auth.TokenMinter;
import io.metering.application.access.CallerKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment variables of docs/authentication.md turned into a working authenticator. */
class TokenSettingsTest {
    private static final String SECRET = "token-settings-test-secret-of-32-bytes-or-more";

    @TempDir
    Path dataDir;

    @Test
    void withoutAnyKeySettingADevelopmentSecretIsGeneratedOnceAndTokensOfTheTokenCommandWork() throws Exception {
        Configuration config = Configuration.from(Map.of("METERING_DATA_DIR", dataDir.toString()));

        JwtSettings settings = TokenSettings.of(config);
        String token = new TokenMinter(settings, Clock.systemUTC()).mint(TokenClaims.admin("demo-org", "cli"), Duration.ofHours(1));

        assertThat(Files.exists(dataDir.resolve("jwt-secret"))).isTrue();
        assertThat(new JwtAuthenticator(TokenSettings.of(config), Clock.systemUTC()).authenticate(token).isAdmin()).isTrue();
    }

    @Test
    void aJwksFileWithPerKindIssuersVerifiesTheIdentityProvidersTokensAndTurnsHs256Off() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("idp-1").algorithm(JWSAlgorithm.RS256).generate();
        Path jwks = dataDir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(key).toPublicJWKSet().toString());
        Configuration config = Configuration.from(Map.of("METERING_DATA_DIR", dataDir.toString(), "METERING_JWT_JWKS_FILE",
                jwks.toString(), "METERING_ADMIN_JWT_ISSUER", "https://idp.example/admin", "METERING_PORTAL_JWT_ISSUER",
                "https://idp.example/portal", "METERING_JWT_AUDIENCE", "metering"));
        JwtAuthenticator auth = new JwtAuthenticator(TokenSettings.of(config), Clock.systemUTC());

        String portal = rs256(key, claims("https://idp.example/portal").claim("contact_id", "c-1").build());
        assertThat(auth.verify(portal).caller().kind()).isEqualTo(CallerKind.PORTAL);
        String hs256 = hs256(claims("https://idp.example/admin").claim("kind", "admin").build());
        assertThatThrownBy(() -> auth.verify(hs256)).isInstanceOf(AuthenticationException.class);
        assertThat(Files.exists(dataDir.resolve("jwt-secret"))).as("no development secret beside a JWK set").isFalse();
        assertThat(TokenSettings.of(config).acceptsHs256()).isFalse();
    }

    @Test
    void aSecretBesideTheJwksKeepsHs256() {
        Configuration config = Configuration.from(Map.of("METERING_DATA_DIR", dataDir.toString(), "METERING_JWT_SECRET", SECRET,
                "METERING_JWT_JWKS_URL", "https://idp.example/jwks.json"));

        assertThat(TokenSettings.of(config).acceptsHs256()).isTrue();
        assertThat(TokenSettings.of(config).jwks()).isPresent();
    }

    private static JWTClaimsSet.Builder claims(String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).audience("metering").subject("someone")
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).claim("org_id", "org-1");
    }

    private static String rs256(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String hs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims);
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
