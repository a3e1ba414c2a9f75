package io.metering.adapters.http.auth;

import io.metering.application.access.CallerKind;
import java.util.List;
import java.util.Objects;

/**
 * The claims of this service's bearer tokens (wire names in {@link ClaimNames}; docs/authentication.md).
 *
 * @param orgId the organization ({@code org_id}), required
 * @param kind admin or portal ({@code kind})
 * @param subject the user or client ({@code sub}), may be null
 * @param contactId portal users: the customer's contact id ({@code contact_id}); null for admins
 * @param contractIds portal users: the customer's contract ids ({@code contract_ids}); empty for admins
 * @param actForOrgs admin tokens: the organizations the token may act for through
 *     {@code x-ivy-org-id} ({@code act_for_orgs}), {@code "*"} for all; empty for none
 * @param permissions admin tokens: the permissions the token is limited to ({@code permissions});
 *     null for a token without the claim, which is not limited
 */
public record TokenClaims(String orgId, CallerKind kind, String subject, String contactId, List<String> contractIds,
        List<String> actForOrgs, List<String> permissions) {
    /**
     * @throws IllegalArgumentException if org is blank, a portal token names neither contact nor
     *     contract, or a portal token carries admin-only claims
     */
    public TokenClaims {
        if (orgId == null || orgId.isBlank()) {
            throw new IllegalArgumentException("org_id is required");
        }
        Objects.requireNonNull(kind, "kind");
        contractIds = contractIds == null ? List.of() : List.copyOf(contractIds);
        actForOrgs = actForOrgs == null ? List.of() : List.copyOf(actForOrgs);
        permissions = permissions == null ? null : List.copyOf(permissions);
        if (kind == CallerKind.PORTAL) {
            if ((contactId == null || contactId.isBlank()) && contractIds.isEmpty()) {
                throw new IllegalArgumentException("portal tokens need a contact_id or contract_ids");
            }
            if (!actForOrgs.isEmpty() || permissions != null) {
                throw new IllegalArgumentException("act_for_orgs and permissions are admin token claims");
            }
        }
    }

    /** Claims of an admin (EpilotAuth) token: its own organization, every admin operation. */
    public static TokenClaims admin(String orgId, String subject) {
        return new TokenClaims(orgId, CallerKind.ADMIN, subject, null, List.of(), List.of(), null);
    }

    /** Claims of a portal (PortalAuth) token. */
    public static TokenClaims portal(String orgId, String subject, String contactId, List<String> contractIds) {
        return new TokenClaims(orgId, CallerKind.PORTAL, subject, contactId, contractIds, List.of(), null);
    }

    /** These claims, allowed to act for the organizations ({@code "*"}: all). */
    public TokenClaims actingFor(List<String> orgs) {
        return new TokenClaims(orgId, kind, subject, contactId, contractIds, orgs, permissions);
    }

    /** These claims, limited to the permissions (an empty list grants no permission-guarded operation). */
    public TokenClaims limitedTo(List<String> granted) {
        return new TokenClaims(orgId, kind, subject, contactId, contractIds, actForOrgs, Objects.requireNonNull(granted, "granted"));
    }
}
