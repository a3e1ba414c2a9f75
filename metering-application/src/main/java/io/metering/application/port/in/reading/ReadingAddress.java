package io.metering.application.port.in.reading;

import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Names one stored reading the way updateMeterReading and deleteMeterReading do: meter and counter
 * from the path, the instant from the {@code timestamp} query parameter, and optionally the
 * direction (the contract's update body field; the path has none).
 *
 * <p>Without a direction the counter's implied direction (declared, else by OBIS code) is used;
 * a counter without one is resolved by the readings stored at that instant (see the use cases).
 *
 * @param meterId the meter
 * @param counterId the counter, which must belong to the meter
 * @param timestamp the reading's instant (truncated to milliseconds, the stored precision)
 * @param direction the direction, may be null
 */
public record ReadingAddress(MeterId meterId, CounterId counterId, Instant timestamp, Direction direction) {
    /** @throws InvalidRequestException {@code missing_params} if meter, counter or timestamp is missing */
    public ReadingAddress {
        if (meterId == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "meter_id is required");
        }
        if (counterId == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "counter_id is required");
        }
        if (timestamp == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "timestamp is required");
        }
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
    }
}
