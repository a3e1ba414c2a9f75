package io.metering.adapters.http.auth;

import io.metering.application.access.CallerKind;
import java.util.List;
import java.util.Objects;

/**
 * The claims of this service's bearer tokens (see {@link JwtAuthenticator} for the wire names).
 *
 * @param orgId the organization ({@code org_id}), required
 * @param kind admin or portal ({@code kind})
 * @param subject the user or client ({@code sub}), may be null
 * @param contactId portal users: the customer's contact id ({@code contact_id}); null for admins
 * @param contractIds portal users: the customer's contract ids ({@code contract_ids}); empty for admins
 */
public record TokenClaims(String orgId, CallerKind kind, String subject, String contactId, List<String> contractIds) {
    /** @throws IllegalArgumentException if org is blank, or a portal token lacks a contact id */
    public TokenClaims {
        if (orgId == null || orgId.isBlank()) {
            throw new IllegalArgumentException("org_id is required");
        }
        Objects.requireNonNull(kind, "kind");
        contractIds = contractIds == null ? List.of() : List.copyOf(contractIds);
        if (kind == CallerKind.PORTAL && (contactId == null || contactId.isBlank())) {
            throw new IllegalArgumentException("portal tokens need a contact_id");
        }
    }

    /** Claims of an admin (EpilotAuth) token. */
    public static TokenClaims admin(String orgId, String subject) {
        return new TokenClaims(orgId, CallerKind.ADMIN, subject, null, List.of());
    }

    /** Claims of a portal (PortalAuth) token. */
    public static TokenClaims portal(String orgId, String subject, String contactId, List<String> contractIds) {
        return new TokenClaims(orgId, CallerKind.PORTAL, subject, contactId, contractIds);
    }
}
