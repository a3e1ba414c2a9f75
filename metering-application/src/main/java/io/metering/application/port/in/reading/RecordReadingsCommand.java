package io.metering.application.port.in.reading;

import io.metering.application.model.ReadingInput;
import io.metering.application.access.Caller;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.util.List;
import java.util.Objects;

/**
 * Write new readings (contract operations createMeterReading, createMeterReadings,
 * createPortalMeterReadings). All or nothing.
 *
 * @param caller who writes
 * @param readings 1 to {@value #MAX_READINGS} readings
 * @param options query options
 */
public record RecordReadingsCommand(Caller caller, List<ReadingInput> readings, WriteOptions options) {
    /** The contract's limit of readings per request. */
    public static final int MAX_READINGS = 100;

    /**
     * @throws InvalidRequestException {@code missing_params} for no readings,
     *     {@code too_many_records} for more than {@value #MAX_READINGS}
     */
    public RecordReadingsCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(options, "options");
        if (readings == null || readings.isEmpty()) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "readings must contain at least one reading");
        }
        if (readings.size() > MAX_READINGS) {
            throw new InvalidRequestException(RejectionReason.TOO_MANY_RECORDS,
                    readings.size() + " readings sent; at most " + MAX_READINGS + " per request");
        }
        readings = List.copyOf(readings);
    }
}
