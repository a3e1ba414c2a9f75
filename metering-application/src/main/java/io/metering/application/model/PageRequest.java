package io.metering.application.model;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;

/**
 * A window of a result list.
 *
 * @param offset how many items to skip, not negative
 * @param limit how many items at most; {@link #ALL} for no limit
 */
public record PageRequest(long offset, int limit) {
    /** The limit meaning "all items" (the contract's {@code size=-1}). */
    public static final int ALL = -1;

    /** @throws InvalidRequestException if offset is negative or limit below -1 */
    public PageRequest {
        if (offset < 0) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "from must not be negative");
        }
        if (limit < ALL) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "size must be -1 (all) or at least 0");
        }
    }

    /** Whether every item is requested. */
    public boolean unlimited() {
        return limit == ALL;
    }
}
