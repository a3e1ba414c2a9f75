package io.metering.application.port.in.submission;

import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.math.BigDecimal;

/**
 * One explicit counter reading of a journey submission (contract schema
 * {@code CounterReadingOnSubmission}).
 *
 * @param counterId the counter (required)
 * @param direction the direction (required)
 * @param value the register value (required)
 * @param unit the unit, may be null
 */
public record SubmissionCounterReading(CounterId counterId, Direction direction, BigDecimal value, String unit) {
    /** @throws InvalidRequestException {@code missing_params} if counter, direction or value is missing */
    public SubmissionCounterReading {
        if (counterId == null || direction == null || value == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "counterId, direction and value are required");
        }
    }
}
