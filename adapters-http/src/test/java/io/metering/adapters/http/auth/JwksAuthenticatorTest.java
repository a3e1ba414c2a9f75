package io.metering.adapters.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import io.metering.adapters.http.error.HttpFailure;
import io.metering.application.fakes.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asymmetric tokens verified with keys of a JWK set, from a file or a URL: each key verifies only
 * its pinned algorithm, and nothing a token says can make a public key act as an HMAC secret.
 */
class JwksAuthenticatorTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef-secret";
    private static final Instant NOW = Instant.now();
    private static RSAKey rs256;
    private static RSAKey noAlg;
    private static ECKey es256;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);

    @BeforeAll
    static void keys() {
        rs256 = TestTokens.rsa("rs-1", JWSAlgorithm.RS256);
        noAlg = TestTokens.rsa("plain-1", null);
        es256 = TestTokens.ec("ec-1", Curve.P_256, JWSAlgorithm.ES256);
    }

    private JwtAuthenticator fileAuthenticator(byte[] secret, JWSAlgorithm fallback, com.nimbusds.jose.jwk.JWK... keys) {
        Path file = TestTokens.jwksFile(dir, keys);
        return new JwtAuthenticator(JwtSettings.builder().secret(secret).jwks(JwksSettings.file(file, fallback)).build(), clock);
    }

    @Test
    void acceptsTokensSignedWithTheirKeysPinnedAlgorithm() {
        JwtAuthenticator auth = fileAuthenticator(null, null, rs256, es256);

        assertThat(auth.verify(TestTokens.sign(rs256, JWSAlgorithm.RS256, claims().build())).caller().isAdmin()).isTrue();
        assertThat(auth.verify(TestTokens.sign(es256, JWSAlgorithm.ES256, claims().build())).caller().isAdmin()).isTrue();
    }

    @Test
    void refusesAnotherAlgorithmWithTheSameKey() {
        JwtAuthenticator auth = fileAuthenticator(null, null, rs256, es256);

        // RS256-pinned key used for PS256; ES256 (P-256) key claimed as ES384
        assertRefused(auth, TestTokens.sign(rs256, JWSAlgorithm.PS256, claims().build()), "algorithm or key");
        assertRefused(auth, TestTokens.withAlgorithm(TestTokens.sign(es256, JWSAlgorithm.ES256, claims().build()), "ES384"),
                "algorithm or key");
    }

    @Test
    void keysWithoutAlgorithmAreUnusableUnlessADefaultFitsThem() {
        String token = TestTokens.sign(noAlg, JWSAlgorithm.RS256, claims().build());

        assertRefused(fileAuthenticator(null, null, noAlg), token, "algorithm or key");
        assertRefused(fileAuthenticator(null, JWSAlgorithm.ES256, noAlg), token, "algorithm or key");
        assertThat(fileAuthenticator(null, JWSAlgorithm.RS256, noAlg).verify(token).caller().isAdmin()).isTrue();
        // the default pins keys without alg only: a key with its own alg keeps it
        assertRefused(fileAuthenticator(null, JWSAlgorithm.PS256, rs256), TestTokens.sign(rs256, JWSAlgorithm.PS256, claims().build()),
                "algorithm or key");
    }

    @Test
    void weakEncryptionAndSymmetricKeysOfTheSetVerifyNothing() throws Exception {
        RSAKey weak = new RSAKeyGenerator(1024, true).keyID("weak").algorithm(JWSAlgorithm.RS256).generate();
        RSAKey encryption = new RSAKeyGenerator(2048).keyID("enc").algorithm(JWSAlgorithm.RS256).keyUse(KeyUse.ENCRYPTION).generate();
        OctetSequenceKey oct = new OctetSequenceKey.Builder(SECRET.getBytes(StandardCharsets.UTF_8)).keyID("oct")
                .algorithm(JWSAlgorithm.HS256).build();
        Path file = dir.resolve("mixed.json");
        Files.writeString(file, new com.nimbusds.jose.jwk.JWKSet(List.of(weak.toPublicJWK(), encryption.toPublicJWK(), oct)).toString(false));
        JwtAuthenticator auth = new JwtAuthenticator(JwtSettings.builder().jwks(JwksSettings.file(file, null)).build(), clock);

        assertRefused(auth, TestTokens.sign(weak, JWSAlgorithm.RS256, claims().build()), "algorithm or key");
        assertRefused(auth, TestTokens.sign(encryption, JWSAlgorithm.RS256, claims().build()), "algorithm or key");
        // an HS256 key published in the set is not a configured secret
        assertRefused(auth, TestTokens.hs256(SECRET, claims().build()), "algorithm or key");
    }

    @Test
    void aPublicKeyUsedAsHmacSecretNeverVerifies() {
        // with a configured secret (HS256 is accepted) and without one (HS256 is not)
        for (JwtAuthenticator auth : List.of(fileAuthenticator(SECRET.getBytes(StandardCharsets.UTF_8), null, rs256),
                fileAuthenticator(null, null, rs256))) {
            for (String token : TestTokens.confusion(rs256, claims().build())) {
                assertThatThrownBy(() -> auth.verify(token)).isInstanceOf(AuthenticationException.class);
            }
        }
    }

    @Test
    void keysTheTokenBringsAlongAreNeverTrusted() throws Exception {
        JwtAuthenticator auth = fileAuthenticator(null, null, rs256);
        RSAKey attacker = TestTokens.rsa("rs-1", JWSAlgorithm.RS256);
        // the legitimate key's kid, with the attacker's public key embedded (jwk) and pointed to (jku)
        com.nimbusds.jose.JWSHeader header = new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rs-1")
                .jwk(attacker.toPublicJWK()).jwkURL(URI.create("https://attacker.example/jwks.json")).build();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(header, claims().build());
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(attacker));

        assertRefused(auth, jwt.serialize(), "signature");
    }

    @Test
    void hs256AndJwksWorkSideBySide() {
        JwtAuthenticator auth = fileAuthenticator(SECRET.getBytes(StandardCharsets.UTF_8), null, rs256);

        assertThat(auth.verify(TestTokens.hs256(SECRET, claims().build())).caller().isAdmin()).isTrue();
        assertThat(auth.verify(TestTokens.sign(rs256, JWSAlgorithm.RS256, claims().build())).caller().isAdmin()).isTrue();
        assertRefused(auth, TestTokens.unsigned("none", claims().build()), "unsigned");
    }

    @Test
    void anUnknownKeyIdIsRefusedAndAnUnreadableFileStopsTheStart() {
        JwtAuthenticator auth = fileAuthenticator(null, null, rs256);
        RSAKey stranger = TestTokens.rsa("rs-1", JWSAlgorithm.RS256); // same kid, other key

        assertRefused(auth, TestTokens.sign(stranger, JWSAlgorithm.RS256, claims().build()), "signature");
        assertThatThrownBy(() -> new JwtAuthenticator(JwtSettings.builder().jwks(JwksSettings.file(dir.resolve("missing.json"), null))
                .build(), clock)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.json");
    }

    @Test
    void aJwksUrlIsFetchedOnceCachedAndReReadWhenANewKeyIdAppears() throws Exception {
        RSAKey rotated = TestTokens.rsa("rs-2", JWSAlgorithm.RS256);
        try (KeyServer server = new KeyServer(TestTokens.publicSet(rs256))) {
            JwtAuthenticator auth = new JwtAuthenticator(JwtSettings.builder().jwks(JwksSettings.url(server.url(), null)).build(), clock);
            for (int i = 0; i < 5; i++) {
                assertThat(auth.verify(TestTokens.sign(rs256, JWSAlgorithm.RS256, claims().build())).caller().isAdmin()).isTrue();
            }
            assertThat(server.hits.get()).as("fetched once at start, then cached").isEqualTo(1);

            server.body.set(TestTokens.publicSet(rs256, rotated));
            assertThat(auth.verify(TestTokens.sign(rotated, JWSAlgorithm.RS256, claims().build())).caller().isAdmin()).isTrue();
            assertThat(server.hits.get()).isEqualTo(2);

            // made-up key ids: refused with 401, and the rate limit keeps them off the key server
            RSAKey bogus = TestTokens.rsa("bogus", JWSAlgorithm.RS256);
            for (int i = 0; i < 5; i++) {
                assertRefused(auth, TestTokens.sign(bogus, JWSAlgorithm.RS256, claims().build()), "algorithm or key");
            }
            assertThat(server.hits.get()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void anUnreachableJwksUrlAnswers503NotA401() throws Exception {
        URI closed;
        try (KeyServer server = new KeyServer("{}")) {
            closed = server.url();
        }
        JwtAuthenticator auth = new JwtAuthenticator(JwtSettings.builder().jwks(JwksSettings.url(closed, null)).build(), clock);

        assertThatThrownBy(() -> auth.verify(TestTokens.sign(rs256, JWSAlgorithm.RS256, claims().build())))
                .isInstanceOfSatisfying(HttpFailure.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    private static void assertRefused(JwtAuthenticator auth, String token, String why) {
        assertThatThrownBy(() -> auth.verify(token)).isInstanceOf(AuthenticationException.class).hasMessageContaining(why);
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .subject("idp-user")
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim("org_id", "org-1")
                .claim("kind", "admin");
    }

    /** A JWK set URL on a free local port, counting fetches. */
    private static final class KeyServer implements AutoCloseable {
        final AtomicReference<String> body;
        final AtomicInteger hits = new AtomicInteger();
        private final HttpServer server;

        KeyServer(String jwks) throws IOException {
            body = new AtomicReference<>(jwks);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/jwks.json", exchange -> {
                hits.incrementAndGet();
                byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
