package io.metering.application.port.in.reading;

import io.metering.application.access.Caller;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Write a reading to the counter of a meter found by id or MaLo id and by OBIS number, creating
 * the counter when the meter has none with that OBIS number (contract operation
 * createReadingWithMeter, schema {@code ReadingWithMeter}). Admin only.
 *
 * @param caller who writes
 * @param meterId the meter; when given, {@code maLoId} is not used
 * @param maLoId the meter's market location id, used when no meter id is given
 * @param obisNumber the counter's OBIS number (required)
 * @param unit unit of the reading, and of a created counter
 * @param direction the reading's direction; narrows counters and sets a created counter's direction
 * @param tariffType narrows counters and sets a created counter's tariff
 * @param value the register value (required)
 * @param readBy who read the meter, may be null
 * @param reason why the reading was taken, may be null
 * @param timestamp the instant, null for now
 * @param source the source (required); ERP makes the write a direct confirmation
 * @param options {@code skip_validation} and {@code direct} (null: defaults)
 */
public record CreateReadingWithMeterCommand(Caller caller, MeterId meterId, String maLoId, String obisNumber, String unit,
        Direction direction, TariffType tariffType, BigDecimal value, String readBy, ReadingReason reason, Instant timestamp,
        ReadingSource source, WriteOptions options) {
    /**
     * @throws InvalidRequestException {@code missing_params} without meter_id and ma_lo_id, or
     *     without obis_number, value or source
     */
    public CreateReadingWithMeterCommand {
        Objects.requireNonNull(caller, "caller");
        if (meterId == null && (maLoId == null || maLoId.isBlank())) {
            throw missing("meter_id or ma_lo_id is required");
        }
        if (obisNumber == null || obisNumber.isBlank()) {
            throw missing("obis_number is required");
        }
        if (value == null) {
            throw missing("value is required");
        }
        if (source == null) {
            throw missing("source is required");
        }
        options = options == null ? WriteOptions.DEFAULT : options;
    }

    private static InvalidRequestException missing(String message) {
        return new InvalidRequestException(RejectionReason.MISSING_PARAMS, message);
    }
}
