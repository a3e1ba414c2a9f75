package io.metering.application.port.in.consumption;

import io.metering.application.access.Caller;
import io.metering.domain.consumption.Interval;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.time.TimeInput;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A question for consumption by period ({@link ConsumptionQuery}).
 *
 * @param caller who asks
 * @param meterId the meter
 * @param counterId the counter, which must belong to the meter
 * @param direction the series; empty for the counter's declared direction, else the direction of its
 *     latest reading, else feed-out
 * @param start start of the span: a date means 00:00 of that day in {@code zone}
 * @param end end of the span (exclusive): a date includes that whole day in {@code zone}
 * @param interval the period length
 * @param zone the calendar's time zone, null for the business time zone
 */
public record ConsumptionRequest(Caller caller, MeterId meterId, CounterId counterId, Optional<Direction> direction,
        TimeInput start, TimeInput end, Interval interval, ZoneId zone) {
    /**
     * @throws NullPointerException if caller, meter or counter is null
     * @throws InvalidRequestException {@code missing_params} without start or end
     */
    public ConsumptionRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(counterId, "counterId");
        direction = direction == null ? Optional.empty() : direction;
        interval = interval == null ? Interval.PERIOD : interval;
        if (start == null || end == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "start_date and end_date are required");
        }
    }
}
