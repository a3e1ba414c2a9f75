package io.metering.domain.loadprofile;

import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One value of a counter's load profile (docs/load-profiles.md): the energy or volume measured over
 * {@code [start, end)}, such as the 15-minute values of an MSCONS message. Unlike a reading it is
 * not a register value but a quantity of its interval, so the consumption of a period is the sum
 * of the intervals inside it.
 *
 * @param counterId the counter
 * @param start the interval's start (inclusive)
 * @param end the interval's end (exclusive), after start
 * @param value the quantity in the counter's unit, exact, not negative
 * @param quality how the value was obtained
 * @param source the message it came from (e.g. an MSCONS document number), may be null
 */
public record IntervalValue(CounterId counterId, Instant start, Instant end, BigDecimal value, IntervalQuality quality,
        String source) {
    /**
     * @throws InvalidRequestException {@code invalid_timestamp} if the interval is empty or reversed,
     *     {@code negative_value} if the value is below zero
     */
    public IntervalValue {
        Objects.requireNonNull(counterId, "counterId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(quality, "quality");
        if (!end.isAfter(start)) {
            throw new InvalidRequestException(RejectionReason.INVALID_TIMESTAMP, "the interval ends (" + end
                    + ") at or before it starts (" + start + ")");
        }
        if (value.signum() < 0) {
            throw new InvalidRequestException(RejectionReason.NEGATIVE_VALUE, "interval value " + value.toPlainString() + " is negative");
        }
    }
}
