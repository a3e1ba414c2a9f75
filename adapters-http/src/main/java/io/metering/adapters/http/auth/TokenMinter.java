package io.metering.adapters.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.metering.application.access.CallerKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints the HS256 bearer tokens {@link JwtAuthenticator} accepts, for the {@code token} command and
 * for tests. Issuer and audience are those the settings require of the token's kind. Asymmetric
 * tokens are the identity provider's business: this service never holds a private key.
 */
public final class TokenMinter {
    /** Longest lifetime a minted token may have. */
    public static final Duration MAX_TTL = Duration.ofDays(366);

    private final JwtSettings settings;
    private final Clock clock;

    /**
     * @param settings the same settings the authenticator uses
     * @param clock the clock for {@code iat} and {@code exp}
     */
    public TokenMinter(JwtSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param claims who the token speaks for
     * @param ttl how long from now it is valid, positive and at most {@link #MAX_TTL}
     * @return the compact JWS ({@code header.payload.signature})
     * @throws IllegalArgumentException if the ttl is out of range
     * @throws IllegalStateException if the settings hold no HS256 secret (JWK set only)
     */
    public String mint(TokenClaims claims, Duration ttl) {
        Objects.requireNonNull(claims, "claims");
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("token lifetime must be positive and at most " + MAX_TTL.toDays() + " days");
        }
        byte[] secret = settings.secret().orElseThrow(() -> new IllegalStateException(
                "no HS256 secret is configured (only a JWK set), so this service cannot mint tokens; set METERING_JWT_SECRET"));
        Instant now = clock.instant();
        IssuerRule rule = settings.rule(claims.kind());
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .subject(claims.subject())
                .issuer(rule.issuer())
                .claim(ClaimNames.ORG_ID, claims.orgId())
                .claim(ClaimNames.KIND, claims.kind() == CallerKind.ADMIN ? ClaimNames.KIND_ADMIN : ClaimNames.KIND_PORTAL);
        if (rule.audience() != null) {
            body.audience(rule.audience());
        }
        if (claims.kind() == CallerKind.PORTAL) {
            body.claim(ClaimNames.CONTACT_ID, claims.contactId());
            body.claim(ClaimNames.CONTRACT_IDS, claims.contractIds());
        }
        if (!claims.actForOrgs().isEmpty()) {
            body.claim(ClaimNames.ACT_FOR_ORGS, claims.actForOrgs());
        }
        if (claims.permissions() != null) {
            body.claim(ClaimNames.PERMISSIONS, claims.permissions());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), body.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing the token failed", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return jwt.serialize();
    }
}
