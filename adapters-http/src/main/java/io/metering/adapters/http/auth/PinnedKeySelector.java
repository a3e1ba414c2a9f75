package io.metering.adapters.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Chooses the keys that may verify a token, by the algorithm its header names:
 * <ul>
 *   <li>HS256: the configured secret, and nothing else;</li>
 *   <li>an algorithm of {@link JwkAlgorithms#ASYMMETRIC}: the public keys of the JWK set pinned to
 *       exactly that algorithm ({@link JwkAlgorithms#pinned}), narrowed by the header's {@code kid};</li>
 *   <li>anything else ({@code none}, HS384, HS512, EdDSA, ...): no key, so the token is refused.</li>
 * </ul>
 * A secret is only ever handed out for HS256 and a public key only for its pinned algorithm, so an
 * HS256 token "signed" with a public key as HMAC secret finds no key that verifies it (algorithm
 * confusion, RFC 8725 section 2.1).
 */
final class PinnedKeySelector implements JWSKeySelector<SecurityContext> {
    private final SecretKey secret;
    private final JWKSource<SecurityContext> jwks;
    private final JWSAlgorithm fallback;

    /**
     * @param secret the HS256 secret, or null when HS256 is not accepted
     * @param jwks the JWK set, or null when asymmetric tokens are not accepted
     * @param fallback the algorithm of JWK set keys without {@code alg}, or null
     */
    PinnedKeySelector(byte[] secret, JWKSource<SecurityContext> jwks, JWSAlgorithm fallback) {
        this.secret = secret == null ? null : new SecretKeySpec(secret, "HmacSHA256");
        this.jwks = jwks;
        this.fallback = fallback;
    }

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        JWSAlgorithm alg = header.getAlgorithm();
        if (JWSAlgorithm.HS256.equals(alg)) {
            return secret == null ? List.of() : List.of(secret);
        }
        if (jwks == null || !JwkAlgorithms.ASYMMETRIC.contains(alg)) {
            return List.of();
        }
        List<Key> keys = new ArrayList<>();
        for (JWK jwk : jwks.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), context)) {
            if (JwkAlgorithms.pinned(jwk, fallback).filter(alg::equals).isPresent()) {
                keys.add(publicKey(jwk));
            }
        }
        return keys;
    }

    private static Key publicKey(JWK jwk) throws KeySourceException {
        try {
            return jwk instanceof RSAKey rsa ? rsa.toRSAPublicKey() : ((ECKey) jwk).toECPublicKey();
        } catch (JOSEException e) {
            throw new KeySourceException("a key of the JWK set is malformed", e);
        }
    }
}
