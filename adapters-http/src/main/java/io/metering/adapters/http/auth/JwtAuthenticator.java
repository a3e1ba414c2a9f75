package io.metering.adapters.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.metering.application.access.Caller;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.tenant.OrganizationId;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies this service's bearer tokens: JWS compact serialization signed with HS256 and the
 * configured secret ({@link JwtSettings}). Every other algorithm, {@code none} included, is refused.
 *
 * <p>Claims:
 * <ul>
 *   <li>{@code exp} (required): expiry, NumericDate; checked with the configured leeway;</li>
 *   <li>{@code nbf} (optional): not-before, checked with the same leeway;</li>
 *   <li>{@code iss}: must equal the configured issuer, when one is configured;</li>
 *   <li>{@code aud}: must contain the configured audience, when one is configured;</li>
 *   <li>{@code org_id} (required, string): the organization the caller acts in;</li>
 *   <li>{@code kind} (required): {@code "admin"} (EpilotAuth: everything inside the organization)
 *       or {@code "portal"} (PortalAuth: an end customer);</li>
 *   <li>{@code sub} (optional, string): the user or client, recorded as changeset creator;</li>
 *   <li>{@code contact_id} (string, required for portal tokens): the customer's contact id;
 *       portal users reach meters whose {@code customer} relation names it;</li>
 *   <li>{@code contract_ids} (optional array of strings, portal tokens): the customer's contracts;
 *       portal users also reach meters whose {@code contract} relation names one of them.</li>
 * </ul>
 * Failures raise {@link AuthenticationException} with a message that names the problem but never
 * repeats the token.
 */
public final class JwtAuthenticator implements Authenticator {
    private final DefaultJWTProcessor<SecurityContext> processor;

    /**
     * @param settings secret, issuer, audience and leeway
     * @param clock the clock for {@code exp} and {@code nbf}
     */
    public JwtAuthenticator(JwtSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(settings.secret())));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (settings.issuer() != null) {
            exact.issuer(settings.issuer());
        }
        Set<String> audience = settings.audience() == null ? null : Set.of(settings.audience());
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience, exact.build(),
                Set.of(ClaimNames.EXPIRY, ClaimNames.ORG_ID, ClaimNames.KIND), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) settings.leeway().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    @Override
    public Caller authenticate(String bearerToken) {
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
        } catch (JOSEException e) {
            throw new AuthenticationException("bearer token could not be verified");
        }
        return caller(claims);
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
        if (m.contains("algorithm") || m.contains("key candidates") || m.contains("encrypted")) {
            return "bearer token must be signed with HS256";
        }
        if (m.contains("signature")) {
            return "bearer token signature is invalid";
        }
        if (m.contains("missing required claims")) {
            return "bearer token lacks a required claim (exp, org_id, kind)";
        }
        if (m.contains("aud")) {
            return "bearer token audience is not accepted";
        }
        if (m.contains("iss")) {
            return "bearer token issuer is not accepted";
        }
        return "bearer token is not accepted";
    }

    private static Caller caller(JWTClaimsSet claims) {
        try {
            OrganizationId org = new OrganizationId(claims.getStringClaim(ClaimNames.ORG_ID));
            String kind = claims.getStringClaim(ClaimNames.KIND);
            String subject = claims.getSubject();
            if (ClaimNames.KIND_ADMIN.equals(kind)) {
                return Caller.admin(org, subject);
            }
            if (ClaimNames.KIND_PORTAL.equals(kind)) {
                String contactId = claims.getStringClaim(ClaimNames.CONTACT_ID);
                if (contactId == null || contactId.isBlank()) {
                    throw new AuthenticationException("portal bearer token lacks contact_id");
                }
                List<String> contracts = claims.getStringListClaim(ClaimNames.CONTRACT_IDS);
                if (contracts != null && contracts.contains(null)) {
                    throw new AuthenticationException("bearer token contract_ids must be strings");
                }
                return Caller.portal(org, subject, contactId, contracts == null ? Set.of() : Set.copyOf(contracts));
            }
            throw new AuthenticationException("bearer token kind must be 'admin' or 'portal'");
        } catch (ParseException e) {
            throw new AuthenticationException("bearer token claims have the wrong type");
        } catch (InvalidRequestException e) {
            throw new AuthenticationException("bearer token org_id is not a valid organization id");
        }
    }
}
