package io.metering.application.access;

import io.metering.domain.error.ForbiddenException;
import io.metering.domain.meter.Meter;
import io.metering.domain.tenant.OrganizationId;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of a use case, taken only from verified token claims.
 *
 * @param org the organization the caller acts in
 * @param kind admin or portal
 * @param subject the token subject (user or client id), for audit; may be null
 * @param contactId for portal users, the customer's contact id; may be null
 * @param contractIds for portal users, the customer's contract ids
 */
public record Caller(OrganizationId org, CallerKind kind, String subject, String contactId, Set<String> contractIds) {
    /** @throws NullPointerException if org or kind is null */
    public Caller {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(kind, "kind");
        contractIds = contractIds == null ? Set.of() : Set.copyOf(contractIds);
    }

    /** An admin caller. */
    public static Caller admin(OrganizationId org, String subject) {
        return new Caller(org, CallerKind.ADMIN, subject, null, Set.of());
    }

    /** A portal caller. */
    public static Caller portal(OrganizationId org, String subject, String contactId, Set<String> contractIds) {
        return new Caller(org, CallerKind.PORTAL, subject, contactId, contractIds);
    }

    /** Whether the caller is an admin. */
    public boolean isAdmin() {
        return kind == CallerKind.ADMIN;
    }

    /**
     * Whether the caller may see the meter: same organization, and for portal users a meter whose
     * customer relation names their contact or whose contract relation names one of their contracts.
     */
    public boolean canSee(Meter meter) {
        if (!meter.org().equals(org)) {
            return false;
        }
        return isAdmin() || meter.isReachableBy(contactId, contractIds);
    }

    /**
     * Refuses a portal caller.
     *
     * @param what the option or operation, for the message
     * @throws ForbiddenException for portal callers
     */
    public void requireAdmin(String what) {
        if (!isAdmin()) {
            throw new ForbiddenException(what + " is not available to portal users");
        }
    }
}
