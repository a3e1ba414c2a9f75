package io.metering.application.port.in.changeset;

import io.metering.domain.counter.Direction;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.reading.ReadingValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Edits to a changeset's proposal (contract operation updateReadingChangeset, body
 * {@code proposed}, schema {@code ProposedReading}). Fields left null keep the proposal's value.
 *
 * @param value the proposed register value (exact, not negative), null keeps
 * @param direction the direction, null keeps
 * @param timestamp the instant (truncated to milliseconds), null keeps
 * @param reason reason, null keeps
 * @param remark remark, null keeps
 * @param readBy who read the meter, null keeps
 * @param status status, null keeps
 * @param externalId external id, null keeps
 */
public record ProposalChanges(BigDecimal value, Direction direction, Instant timestamp, ReadingReason reason, String remark, String readBy,
        ReadingStatus status, String externalId) {
    /**
     * @throws io.metering.domain.error.InvalidRequestException {@code negative_value} or
     *     {@code invalid_value} for a value a register cannot hold
     */
    public ProposalChanges {
        value = value == null ? null : ReadingValues.registerValue(value, "proposed.value");
        timestamp = timestamp == null ? null : timestamp.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whether no field is given. */
    public boolean isEmpty() {
        return value == null && direction == null && timestamp == null && reason == null && remark == null && readBy == null
                && status == null && externalId == null;
    }
}
