package io.metering.application.port.in.submission;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The readings of one meter in a journey submission (contract schema
 * {@code SubmissionMeterReading}; mapping in docs/domain.md#journey-submissions).
 *
 * @param meterId the meter (required)
 * @param readings explicit counter readings; when present they win over the typed values
 * @param readingValue the value for one-tariff meters
 * @param readingDate the instant, null for now
 * @param readBy who read the meter, may be null
 * @param reason why the reading was taken, may be null
 * @param maloId the MaLo id as the journey knows it; informational, the meter id decides
 * @param obisNumber picks the counter of a one-tariff value when the meter has several
 * @param readingUnit unit for every reading of this meter (an explicit reading's own unit wins)
 * @param meterType how values map to counters; null means one-tariff
 * @param feedInValue feed-in value (bi-directional; one-tariff when no readingValue)
 * @param feedOutValue feed-out value (bi-directional)
 * @param htValue peak tariff value (two-tariff)
 * @param ntValue off-peak tariff value (two-tariff)
 */
public record SubmissionMeterReading(MeterId meterId, List<SubmissionCounterReading> readings, BigDecimal readingValue,
        Instant readingDate, String readBy, ReadingReason reason, String maloId, String obisNumber, String readingUnit,
        SubmissionMeterType meterType, BigDecimal feedInValue, BigDecimal feedOutValue, BigDecimal htValue, BigDecimal ntValue) {
    /** @throws InvalidRequestException {@code missing_params} without meter id */
    public SubmissionMeterReading {
        if (meterId == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "meterId is required");
        }
        readings = readings == null ? List.of() : List.copyOf(readings);
    }
}
