package io.metering.application.model;

import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One reading as a writer sends it, before its counter, direction and timestamp are settled.
 *
 * @param meterId the meter (required)
 * @param counterId the counter, null to use the meter's only counter
 * @param direction the direction, null to derive it
 * @param timestamp the instant, null for the server's now
 * @param value the register value (required)
 * @param source the source (required)
 * @param reason why the reading was taken, may be null
 * @param readBy who read the meter, may be null
 * @param status status chosen by the writer (admins only), may be null
 * @param externalId external id, may be null
 * @param remark remark, may be null
 * @param note note, may be null
 * @param unit unit, may be null
 * @param metadata string metadata, may be null
 */
public record ReadingInput(MeterId meterId, CounterId counterId, Direction direction, Instant timestamp, BigDecimal value,
        ReadingSource source, ReadingReason reason, String readBy, ReadingStatus status, String externalId, String remark,
        String note, String unit, Map<String, String> metadata) {

    /** @throws InvalidRequestException {@code missing_params} if meter, value or source is missing */
    public ReadingInput {
        if (meterId == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "meter_id is required");
        }
        if (value == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "value is required");
        }
        if (source == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "source is required");
        }
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
