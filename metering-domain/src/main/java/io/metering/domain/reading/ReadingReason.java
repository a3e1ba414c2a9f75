package io.metering.domain.reading;

import java.util.Set;

/**
 * The reason codes a reading may carry (contract schema {@code Reason}) and what they mean for the
 * series. Readings keep the reason as text because the update operation takes free text (contract
 * schema {@code ReasonString}).
 */
public final class ReadingReason {
    /** Every value of the contract's {@code Reason} enum, including the empty string. */
    public static final Set<String> KNOWN =
            Set.of("", "regular", "irregular", "last", "first", "meter_change", "contract_change", "meter_adjustment");

    private ReadingReason() {}

    /**
     * Whether a reading with this reason starts a new segment: it is not checked against earlier
     * readings and consumption never spans the break (docs/domain.md#writing-readings).
     *
     * @param reason the reading's reason, may be null
     */
    public static boolean startsSegment(String reason) {
        return "meter_change".equals(reason) || "meter_adjustment".equals(reason);
    }
}
