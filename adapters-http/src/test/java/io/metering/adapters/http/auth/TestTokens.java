package io.metering.adapters.http.auth;

import io.metering.testing.BearerTokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Keys and hand-made tokens for tests, including the hostile ones: {@code alg: none} and an HS256
 * token keyed with an RSA public key (algorithm confusion). Signing goes through nimbus, never by
 * hand, except where the point is a token no library would make.
 */
public final class TestTokens {
    private TestTokens() {}

    /** A 2048-bit RSA key pair with key id and algorithm ({@code alg} left out when null). */
    public static RSAKey rsa(String kid, JWSAlgorithm alg) {
        try {
            RSAKeyGenerator g = new RSAKeyGenerator(2048);
            g.keyID(kid);
            if (alg != null) {
                g.algorithm(alg);
            }
            return g.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An EC key pair on the curve, with key id and algorithm. */
    public static ECKey ec(String kid, Curve curve, JWSAlgorithm alg) {
        try {
            return new ECKeyGenerator(curve).keyID(kid).algorithm(alg).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs the claims with the key's private part, naming the key id. */
    public static String sign(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) {
        try {
            JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa.toPrivateKey(), true) : new ECDSASigner((ECKey) key);
            return sign(signer, new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 with the secret. */
    public static String hs256(byte[] secret, JWTClaimsSet claims) {
        return BearerTokens.hs256(secret, claims);
    }

    /** HS256 with a text secret (its UTF-8 bytes). */
    public static String hs256(String secret, JWTClaimsSet claims) {
        return hs256(secret.getBytes(StandardCharsets.UTF_8), claims);
    }

    /** An unsigned token: header {@code {"alg":"<alg>"}} (e.g. none, None), the claims, an empty signature. */
    public static String unsigned(String alg, JWTClaimsSet claims) {
        String header = Base64URL.encode(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8)).toString();
        return header + "." + Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /**
     * Algorithm confusion (RFC 8725 section 2.1): HS256 tokens whose HMAC secret is the RSA public
     * key as a verifier that mistakes it for a shared secret would read it: X.509 DER, PEM text,
     * and the JWK JSON.
     */
    public static List<String> confusion(RSAKey publicKey, JWTClaimsSet claims) {
        try {
            byte[] der = publicKey.toPublicKey().getEncoded();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
            return List.of(hs256(der, claims), hs256(pem, claims), hs256(publicKey.toPublicJWK().toJSONString(), claims));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with its header's {@code alg} replaced, payload and signature kept. */
    public static String withAlgorithm(String token, String alg) {
        String[] parts = token.split("\\.", -1);
        String header = new String(new Base64URL(parts[0]).decode(), StandardCharsets.UTF_8)
                .replaceFirst("\"alg\":\"[^\"]*\"", "\"alg\":\"" + alg + "\"");
        return Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
    }

    /** Writes the public parts of the keys as a JWK set file. */
    public static Path jwksFile(Path dir, JWK... keys) {
        try {
            Path file = Files.createTempFile(dir, "jwks", ".json");
            Files.writeString(file, publicSet(keys));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JWK set JSON of the keys' public parts. */
    public static String publicSet(JWK... keys) {
        return new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    }

    private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
