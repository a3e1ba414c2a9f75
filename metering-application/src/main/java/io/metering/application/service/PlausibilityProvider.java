package io.metering.application.service;

import io.metering.domain.reading.PlausibilityPolicy;
import io.metering.domain.tenant.OrganizationId;

/** Builds the plausibility policy a write uses, from the stored history of the organization. */
@FunctionalInterface
public interface PlausibilityProvider {
    /** Finds every value plausible. */
    PlausibilityProvider NONE = org -> PlausibilityPolicy.NONE;

    /**
     * @param org the organization written to
     * @return the policy for one write; it may query history lazily within the write's transaction
     */
    PlausibilityPolicy forWrite(OrganizationId org);
}
