package io.metering.domain.tenant;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;

/**
 * The organization (tenant, {@code _org}) every meter, counter, reading and changeset belongs to.
 * Nothing ever crosses organizations (docs/domain.md#terms).
 *
 * @param value the organization id as issued by the identity provider, 1 to 64 printable ASCII
 *     characters
 */
public record OrganizationId(String value) {
    /**
     * The organization of meters built for use outside the service, where no tenant owns them (pure
     * validation by another service, docs/domain-library.md); the rules never look at it.
     */
    public static final OrganizationId STANDALONE = new OrganizationId("standalone");

    /** @throws InvalidRequestException if the id is empty, too long or not printable ASCII */
    public OrganizationId {
        if (value == null || value.isEmpty() || value.length() > 64 || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "organization id must be 1-64 printable ASCII characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
