package io.metering.domain.meter;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.time.Instant;

/**
 * A supply period during which readings of a meter are accepted. When a meter declares contract
 * periods, a reading outside all of them is rejected with {@code contract_period} (docs/domain.md
 * "Writing readings"). This product's extension: the contract names the reason but not where the
 * periods come from.
 *
 * @param start first instant of the period, inclusive
 * @param end end of the period, exclusive; null for an open-ended period
 */
public record ContractPeriod(Instant start, Instant end) {
    /** @throws InvalidRequestException if start is missing or not before end */
    public ContractPeriod {
        if (start == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "contract period needs a start");
        }
        if (end != null && !start.isBefore(end)) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "contract period start must be before its end");
        }
    }

    /** @return whether the instant lies in {@code [start, end)} */
    public boolean contains(Instant t) {
        return !t.isBefore(start) && (end == null || t.isBefore(end));
    }
}
