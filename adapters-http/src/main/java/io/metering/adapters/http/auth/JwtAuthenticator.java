package io.metering.adapters.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.metering.adapters.http.error.HttpFailure;
import io.metering.application.access.Caller;
import io.metering.application.access.CallerKind;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies this service's bearer tokens with nimbus-jose-jwt: compact JWS, signed with HS256 and the
 * configured secret or with a key of the configured JWK set pinned to the token's algorithm
 * ({@link PinnedKeySelector}); {@code none}, encrypted tokens and every other algorithm are refused.
 *
 * <p>Checks, in order: signature; {@code typ} absent, {@code JWT} or {@code at+jwt} (RFC 9068);
 * {@code exp} required and {@code nbf} when present, both with the configured leeway; the kind
 * and its issuer and audience ({@link KindResolver}); the caller's claims ({@link CallerClaims}).
 * Claim names and meaning: {@link ClaimNames} and the docs/authentication.md section.
 *
 * <p>A token accepted once is answered from {@link VerifiedTokens} for up to 30 seconds while its
 * time claims surely still hold.
 *
 * <p>Failures raise {@link AuthenticationException} (401) with a message that names the problem but
 * never repeats the token. When the JWK set cannot be fetched and no earlier copy is cached, the
 * answer is 503 {@code keys_unavailable} ({@link HttpFailure#keysUnavailable()}): the token may be
 * fine, so a 401 would send clients after the wrong problem.
 */
public final class JwtAuthenticator implements Authenticator {
    private static final Set<JOSEObjectType> TYPES = Set.of(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
            new JOSEObjectType("application/at+jwt"));

    private static final String NO_KEY = "bearer token is signed with an algorithm or key this service does not accept"
            + " (HS256 with the configured secret, or a key of the configured JWK set)";

    /** 9999-12-31T23:59:59Z in seconds: the last instant a NumericDate may name here. */
    private static final double MAX_NUMERIC_DATE = 253_402_300_799d;

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final KindResolver kinds;
    private final VerifiedTokens verified;

    /**
     * @param settings keys, issuer and audience rules, leeway
     * @param clock the clock for {@code exp} and {@code nbf}
     * @throws IllegalArgumentException if the JWK set URL is malformed or the JWK set file unreadable
     */
    public JwtAuthenticator(JwtSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        JWKSource<SecurityContext> jwks = settings.jwks().map(JwkSources::of).orElse(null);
        settings.jwks().ifPresent(s -> JwkSources.check(jwks, s));
        processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(allowedTypes()));
        processor.setJWSKeySelector(new PinnedKeySelector(settings.secret().orElse(null), jwks,
                settings.jwks().map(JwksSettings::defaultAlgorithm).orElse(null)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(null, new JWTClaimsSet.Builder().build(),
                Set.of(ClaimNames.EXPIRY, ClaimNames.ORG_ID), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) settings.leeway().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        kinds = new KindResolver(settings.rule(CallerKind.ADMIN), settings.rule(CallerKind.PORTAL));
        verified = new VerifiedTokens(clock);
    }

    private static Set<JOSEObjectType> allowedTypes() {
        HashSet<JOSEObjectType> types = new HashSet<>(TYPES);
        types.add(null); // no typ header at all
        return types;
    }

    @Override
    public Caller authenticate(String bearerToken) {
        return verify(bearerToken).caller();
    }

    @Override
    public VerifiedToken verify(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new AuthenticationException("bearer token is missing");
        }
        String token = bearerToken.trim();
        VerifiedToken known = verified.find(token);
        if (known != null) {
            return known;
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new AuthenticationException("bearer token is not a well-formed JWT");
        } catch (BadJOSEException e) {
            throw new AuthenticationException(timeClaimProblem(token).orElseGet(() -> describe(e)));
        } catch (RateLimitReachedException e) {
            // the cached set lacks the token's key and was re-read moments ago: no key matches
            throw new AuthenticationException(NO_KEY);
        } catch (KeySourceException e) {
            throw HttpFailure.keysUnavailable();
        } catch (JOSEException e) {
            throw new AuthenticationException("bearer token could not be verified");
        }
        VerifiedToken result = CallerClaims.read(claims, kinds.resolve(claims));
        verified.remember(token, result, claims.getExpirationTime(), claims.getNotBeforeTime());
        return result;
    }

    /**
     * The problem with a refused token's {@code exp}, {@code nbf} or {@code iat}, if one of them is
     * not a NumericDate (RFC 7519 section 2: a JSON number of seconds since 1970) in the years
     * 1970-9999. The library reports a string there as an "unexpected type" and reads a huge number
     * as a date that overflowed into the past, which would be answered as a wrong token type or as
     * expired. Looked at only after a refusal, so accepted tokens are parsed once; the message names
     * the claim, never its value.
     */
    private static Optional<String> timeClaimProblem(String token) {
        Map<String, Object> payload;
        try {
            JWT jwt = JWTParser.parse(token);
            if (!(jwt instanceof JOSEObject jose) || jwt instanceof EncryptedJWT) {
                return Optional.empty();
            }
            payload = jose.getPayload().toJSONObject();
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
        if (payload == null) {
            return Optional.empty();
        }
        for (String claim : List.of(ClaimNames.EXPIRY, "nbf", "iat")) {
            Object v = payload.get(claim);
            if (v != null && !numericDate(v)) {
                return Optional.of("bearer token has an invalid " + claim + " claim: it must be a number of seconds since"
                        + " 1970-01-01T00:00:00Z, up to the year 9999");
            }
        }
        return Optional.empty();
    }

    private static boolean numericDate(Object v) {
        if (!(v instanceof Number n)) {
            return false;
        }
        double d = n.doubleValue();
        return Double.isFinite(d) && d >= 0 && d <= MAX_NUMERIC_DATE;
    }

    /** A message for a refused token, from the library's classification, without token content. */
    private static String describe(BadJOSEException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("expired")) {
            return "bearer token has expired";
        }
        if (m.contains("before use time")) {
            return "bearer token is not valid yet (nbf)";
        }
        if (m.contains("unsecured") || m.contains("plain")) {
            return "unsigned bearer tokens are not accepted";
        }
        if (m.contains("encrypted")) {
            return "encrypted bearer tokens are not accepted";
        }
        if (m.contains("another algorithm") || m.contains("no matching") || m.contains("key candidates")) {
            return NO_KEY;
        }
        if (m.contains("signature")) {
            return "bearer token signature is invalid";
        }
        if (m.contains("missing required claims")) {
            return "bearer token lacks a required claim (exp, org_id)";
        }
        if (m.contains("unexpected type")) {
            // a claim the library parses (e.g. iss, aud, sub) has the wrong JSON type
            return "bearer token has a claim of the wrong JSON type";
        }
        if (m.contains("header typ")) {
            return "bearer token type (typ) is not accepted";
        }
        return "bearer token is not accepted";
    }
}
