package io.metering.adapters.http.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pins each key of a JWK set to the one signature algorithm it may verify, so that a token can
 * never choose how a key is used (RFC 8725 section 3.1: "use appropriate algorithms"; section 2.1
 * on algorithm confusion).
 *
 * <p>A key verifies nothing when its {@code use} is not {@code sig}, its {@code key_ops} lack
 * {@code verify}, its algorithm is not one of {@link #ASYMMETRIC}, or the algorithm does not fit the
 * key (RSA keys of at least 2048 bits for RS and PS, RFC 7518 section 3.3; EC keys on the curve
 * the ES variant names, section 3.4). Symmetric ({@code oct}) keys are never taken from a JWK set:
 * HS256 verifies only with the configured secret.
 */
final class JwkAlgorithms {
    /**
     * The asymmetric JWS algorithms accepted from a JWK set. EdDSA is left out: nimbus verifies it
     * only with the optional Tink library, which this service does not ship.
     */
    static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** Smallest RSA modulus accepted, in bits (RFC 7518 section 3.3). */
    static final int MIN_RSA_BITS = 2048;

    private static final Map<JWSAlgorithm, Curve> EC_CURVES = Map.of(
            JWSAlgorithm.ES256, Curve.P_256, JWSAlgorithm.ES384, Curve.P_384, JWSAlgorithm.ES512, Curve.P_521);

    private JwkAlgorithms() {}

    /**
     * @param key a key of the JWK set
     * @param fallback the configured algorithm of keys without {@code alg}, or null
     * @return the one algorithm the key may verify, or empty when it may verify none
     */
    static Optional<JWSAlgorithm> pinned(JWK key, JWSAlgorithm fallback) {
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return Optional.empty();
        }
        if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
            return Optional.empty();
        }
        JWSAlgorithm alg = key.getAlgorithm() == null ? fallback : JWSAlgorithm.parse(key.getAlgorithm().getName());
        return alg != null && fits(key, alg) ? Optional.of(alg) : Optional.empty();
    }

    private static boolean fits(JWK key, JWSAlgorithm alg) {
        if (!ASYMMETRIC.contains(alg)) {
            return false;
        }
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            return key instanceof RSAKey && key.size() >= MIN_RSA_BITS;
        }
        return key instanceof ECKey ec && EC_CURVES.get(alg).equals(ec.getCurve());
    }
}
