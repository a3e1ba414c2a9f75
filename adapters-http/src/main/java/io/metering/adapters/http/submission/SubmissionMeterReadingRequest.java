package io.metering.adapters.http.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One meter's readings in a journey submission (contract schema {@code SubmissionMeterReading}),
 * in the contract's camelCase. Values stay JSON nodes so that a value sent as a string answers 400
 * naming the field.
 */
record SubmissionMeterReadingRequest(
        String meterId,
        List<CounterReading> readings,
        JsonNode readingValue,
        String readingDate,
        String readBy,
        String reason,
        String maloId,
        String obisNumber,
        String readingUnit,
        String meterType,
        JsonNode feedInValue,
        JsonNode feedOutValue,
        JsonNode htValue,
        JsonNode ntValue) {

    /**
     * An explicit counter reading (contract schema {@code CounterReadingOnSubmission}).
     *
     * @param counterId the counter
     * @param direction {@code feed-in} or {@code feed-out}
     * @param value the register value
     * @param unit the unit, may be null
     */
    public record CounterReading(String counterId, String direction, JsonNode value, String unit) {}
}
