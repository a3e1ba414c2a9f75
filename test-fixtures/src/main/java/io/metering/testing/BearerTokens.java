package io.metering.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Mints the HS256 bearer tokens the service accepts, for the tests of every module: admin and portal
 * tokens with the claims the service reads (docs/authentication.md: {@code org_id}, {@code kind},
 * {@code contact_id}, {@code contract_ids}, {@code act_for_orgs}, {@code permissions}), signed with
 * the secret the service under test is configured with ({@code METERING_JWT_SECRET}). Built on
 * nimbus-jose-jwt directly, since this module may not depend on the HTTP adapter's own minter; the
 * adapter's tests check that both agree (adapters-http {@code BearerTokensAgreeTest}).
 * Immutable: each {@code with...} answers a changed copy.
 */
public final class BearerTokens {
    /** How long a token is valid unless {@link #withTtl} says otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final byte[] secret;
    private final Issuer admin;
    private final Issuer portal;
    private final Clock clock;
    private final Duration ttl;

    private record Issuer(String issuer, String audience) {}

    private BearerTokens(byte[] secret, Issuer admin, Issuer portal, Clock clock, Duration ttl) {
        this.secret = secret;
        this.admin = admin;
        this.portal = portal;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * Tokens signed with the secret (its UTF-8 bytes), without issuer or audience, issued now and
     * valid for {@link #DEFAULT_TTL}.
     */
    public static BearerTokens hs256(String secret) {
        return new BearerTokens(secret.getBytes(StandardCharsets.UTF_8), new Issuer(null, null), new Issuer(null, null),
                Clock.systemUTC(), DEFAULT_TTL);
    }

    /** The same issuer and audience (null: none) for admin and portal tokens. */
    public BearerTokens withIssuer(String issuer, String audience) {
        return withAdminIssuer(issuer, audience).withPortalIssuer(issuer, audience);
    }

    public BearerTokens withAdminIssuer(String issuer, String audience) {
        return new BearerTokens(secret, new Issuer(issuer, audience), portal, clock, ttl);
    }

    public BearerTokens withPortalIssuer(String issuer, String audience) {
        return new BearerTokens(secret, admin, new Issuer(issuer, audience), clock, ttl);
    }

    /** Tokens issued at this clock's instant (an earlier one mints expired tokens). */
    public BearerTokens withClock(Clock clock) {
        return new BearerTokens(secret, admin, portal, Objects.requireNonNull(clock, "clock"), ttl);
    }

    public BearerTokens withTtl(Duration ttl) {
        return new BearerTokens(secret, admin, portal, clock, Objects.requireNonNull(ttl, "ttl"));
    }

    /** An admin token of the organization. */
    public String admin(String org, String subject) {
        return sign(adminClaims(org, subject).build());
    }

    /** An admin token of the organization with more claims, e.g. {@link #actingFor} or {@link #limitedTo}. */
    public String admin(String org, String subject, UnaryOperator<JWTClaimsSet.Builder> more) {
        return sign(more.apply(adminClaims(org, subject)).build());
    }

    /** A portal token of the customer (contact) with its contracts. */
    public String portal(String org, String subject, String contactId, String... contractIds) {
        return sign(portalClaims(org, subject, contactId, List.of(contractIds)).build());
    }

    /** Admin claims as the service's own minter writes them, to change before {@link #sign}. */
    public JWTClaimsSet.Builder adminClaims(String org, String subject) {
        return claims(admin, org, subject, "admin");
    }

    /** Portal claims as the service's own minter writes them, to change before {@link #sign}. */
    public JWTClaimsSet.Builder portalClaims(String org, String subject, String contactId, List<String> contractIds) {
        return claims(portal, org, subject, "portal").claim("contact_id", contactId).claim("contract_ids", contractIds);
    }

    /** Admin tokens: the organizations the token may act for through {@code x-ivy-org-id} ({@code *}: any). */
    public static UnaryOperator<JWTClaimsSet.Builder> actingFor(List<String> orgs) {
        return b -> b.claim("act_for_orgs", orgs);
    }

    /** Admin tokens: only these permissions. */
    public static UnaryOperator<JWTClaimsSet.Builder> limitedTo(List<String> permissions) {
        return b -> b.claim("permissions", permissions);
    }

    /** The claims signed HS256 with this minter's secret. */
    public String sign(JWTClaimsSet claims) {
        return hs256(secret, claims);
    }

    /** The claims signed HS256 with the secret, header type {@code JWT}. */
    public static String hs256(byte[] secret, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing the token failed", e);
        }
        return jwt.serialize();
    }

    private JWTClaimsSet.Builder claims(Issuer by, String org, String subject, String kind) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .subject(subject)
                .claim("org_id", org)
                .claim("kind", kind);
        if (by.issuer() != null) {
            b.issuer(by.issuer());
        }
        if (by.audience() != null) {
            b.audience(by.audience());
        }
        return b;
    }
}
