package io.metering.adapters.http.auth;

import io.metering.application.access.Caller;
import io.metering.domain.tenant.OrganizationId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a verified bearer token grants: the caller, the organizations an admin token may act for
 * through the {@code x-ivy-org-id} header, and the permissions an admin token is limited to.
 *
 * @param caller the caller, in the organization of the token's {@code org_id}
 * @param actForOrgs admin tokens: the organizations named by {@code act_for_orgs}, {@code "*"} for
 *     every organization; empty for portal tokens and admin tokens without the claim
 * @param permissions admin tokens carrying {@code permissions} or {@code scope}: the permissions
 *     granted; empty when the token carries neither claim, which grants every admin operation
 */
public record VerifiedToken(Caller caller, Set<String> actForOrgs, Optional<Set<String>> permissions) {
    /** A permission name the contract requires for an operation. */
    public static final String METER_READING_EDIT = "meter_reading:edit";

    /** Copies the sets. */
    public VerifiedToken {
        Objects.requireNonNull(caller, "caller");
        actForOrgs = caller.isAdmin() && actForOrgs != null ? Set.copyOf(actForOrgs) : Set.of();
        permissions = permissions == null ? Optional.empty() : permissions.map(Set::copyOf);
    }

    /** A token granting just the caller: no acting for other organizations, no permission limits. */
    public static VerifiedToken of(Caller caller) {
        return new VerifiedToken(caller, Set.of(), Optional.empty());
    }

    /**
     * Whether the token may act in the organization: its own always; another one only for admin
     * tokens whose {@code act_for_orgs} names it or holds {@code "*"}.
     */
    public boolean mayActFor(OrganizationId org) {
        return caller.org().equals(org)
                || caller.isAdmin() && (actForOrgs.contains(ClaimNames.ANY_ORG) || actForOrgs.contains(org.value()));
    }

    /** Whether the token grants the permission: always, unless it lists its permissions and this is not one. */
    public boolean grants(String permission) {
        return permissions.map(p -> p.contains(permission)).orElse(true);
    }
}
