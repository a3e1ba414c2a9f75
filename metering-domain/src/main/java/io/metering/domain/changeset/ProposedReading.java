package io.metering.domain.changeset;

import io.metering.domain.counter.Direction;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The reading a changeset proposes, or the snapshot of the reading it would replace (contract
 * schema {@code ProposedReading}).
 *
 * @param value the register value
 * @param direction the direction, may be null
 * @param timestamp the instant, may be null
 * @param reason why the reading was taken, may be null
 * @param remark remark, may be null
 * @param readBy who read the meter, may be null
 * @param status status, may be null
 * @param externalId external id, may be null
 */
public record ProposedReading(BigDecimal value, Direction direction, Instant timestamp, ReadingReason reason, String remark,
        String readBy, ReadingStatus status, String externalId) {
    /** @throws NullPointerException if value is null */
    public ProposedReading {
        Objects.requireNonNull(value, "value");
    }
}
