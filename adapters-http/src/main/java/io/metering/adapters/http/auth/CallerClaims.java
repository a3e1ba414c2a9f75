package io.metering.adapters.http.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import io.metering.application.access.Caller;
import io.metering.application.access.CallerKind;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.tenant.OrganizationId;
import java.text.ParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the caller from verified claims (wire names in {@link ClaimNames}; docs/authentication.md):
 * {@code org_id} (required), {@code sub}; for portal tokens {@code contact_id} and
 * {@code contract_ids}, at least one of them; for admin tokens {@code act_for_orgs},
 * {@code permissions} and {@code scope}. Claims of the wrong type are refused, never guessed at.
 */
final class CallerClaims {
    private CallerClaims() {}

    /**
     * @param claims verified claims
     * @param kind the kind {@link KindResolver} decided
     * @throws AuthenticationException for a missing or malformed claim
     */
    static VerifiedToken read(JWTClaimsSet claims, CallerKind kind) {
        try {
            OrganizationId org = org(claims.getStringClaim(ClaimNames.ORG_ID));
            String subject = claims.getSubject();
            if (kind == CallerKind.PORTAL) {
                return VerifiedToken.of(portal(claims, org, subject));
            }
            return new VerifiedToken(Caller.admin(org, subject), actForOrgs(claims), permissions(claims));
        } catch (ParseException e) {
            throw new AuthenticationException("bearer token claims have the wrong type");
        }
    }

    private static OrganizationId org(String value) {
        if (value == null) {
            throw new AuthenticationException("bearer token lacks a required claim (org_id)");
        }
        try {
            return new OrganizationId(value);
        } catch (InvalidRequestException e) {
            throw new AuthenticationException("bearer token org_id is not a valid organization id");
        }
    }

    private static Caller portal(JWTClaimsSet claims, OrganizationId org, String subject) throws ParseException {
        String contactId = claims.getStringClaim(ClaimNames.CONTACT_ID);
        if (contactId != null && contactId.isBlank()) {
            contactId = null;
        }
        Set<String> contracts = strings(claims, ClaimNames.CONTRACT_IDS);
        if (contactId == null && contracts.isEmpty()) {
            throw new AuthenticationException("portal bearer token needs contact_id or contract_ids");
        }
        return Caller.portal(org, subject, contactId, contracts);
    }

    /** {@code act_for_orgs}: {@code "*"} or valid organization ids. */
    private static Set<String> actForOrgs(JWTClaimsSet claims) throws ParseException {
        Set<String> orgs = strings(claims, ClaimNames.ACT_FOR_ORGS);
        for (String o : orgs) {
            if (!o.equals(ClaimNames.ANY_ORG)) {
                org(o);
            }
        }
        return orgs;
    }

    /** {@code permissions} (array) and {@code scope} (space-separated string or array), united; empty when neither is present. */
    private static Optional<Set<String>> permissions(JWTClaimsSet claims) throws ParseException {
        Object scope = claims.getClaim(ClaimNames.SCOPE);
        if (claims.getClaim(ClaimNames.PERMISSIONS) == null && scope == null) {
            return Optional.empty();
        }
        Set<String> granted = new HashSet<>(strings(claims, ClaimNames.PERMISSIONS));
        if (scope instanceof String s) {
            Arrays.stream(s.trim().split("\\s+")).filter(p -> !p.isEmpty()).forEach(granted::add);
        } else {
            granted.addAll(strings(claims, ClaimNames.SCOPE));
        }
        return Optional.of(granted);
    }

    /** An optional array of strings; null entries are refused. */
    private static Set<String> strings(JWTClaimsSet claims, String name) throws ParseException {
        List<String> values = claims.getStringListClaim(name);
        if (values == null) {
            return Set.of();
        }
        if (values.contains(null)) {
            throw new AuthenticationException("bearer token " + name + " must hold strings");
        }
        return Set.copyOf(values);
    }
}
