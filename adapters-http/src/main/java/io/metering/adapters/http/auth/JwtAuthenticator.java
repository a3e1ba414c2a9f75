package io.metering.adapters.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.metering.adapters.http.error.HttpFailure;
import io.metering.application.access.Caller;
import io.metering.application.access.CallerKind;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies this service's bearer tokens with nimbus-jose-jwt: compact JWS, signed with HS256 and the
 * configured secret or with a key of the configured JWK set pinned to the token's algorithm
 * ({@link PinnedKeySelector}); {@code none}, encrypted tokens and every other algorithm are refused.
 *
 * <p>Checks, in order: signature; {@code typ} absent, {@code JWT} or {@code at+jwt} (RFC 9068);
 * {@code exp} required and {@code nbf} when present, both with the configured leeway; the kind
 * and its issuer and audience ({@link KindResolver}); the caller's claims ({@link CallerClaims}).
 * Claim names and meaning: {@link ClaimNames} and the README's "Authentication" section.
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

    private final DefaultJWTProcessor<SecurityContext> processor;
    private final KindResolver kinds;

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
        JWTClaimsSet claims;
        try {
            claims = processor.process(bearerToken.trim(), null);
        } catch (ParseException e) {
            throw new AuthenticationException("bearer token is not a well-formed JWT");
        } catch (BadJOSEException e) {
            throw new AuthenticationException(describe(e));
        } catch (RateLimitReachedException e) {
            // the cached set lacks the token's key and was re-read moments ago: no key matches
            throw new AuthenticationException(NO_KEY);
        } catch (KeySourceException e) {
            throw HttpFailure.keysUnavailable();
        } catch (JOSEException e) {
            throw new AuthenticationException("bearer token could not be verified");
        }
        return CallerClaims.read(claims, kinds.resolve(claims));
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
        if (m.contains("typ")) {
            return "bearer token type (typ) is not accepted";
        }
        return "bearer token is not accepted";
    }
}
