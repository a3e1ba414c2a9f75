package io.metering.adapters.http.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.metering.adapters.http.json.TextOnly;
import java.util.List;

/**
 * One meter's readings in a journey submission (contract schema {@code SubmissionMeterReading}),
 * in the contract's camelCase. Values stay JSON nodes so that a value sent as a string answers 400
 * naming the field; the fields the contract types as strings take JSON strings only ({@link TextOnly}:
 * {@code "readBy":42} answers 400 {@code invalid_parameter} instead of being stored as {@code "42"}).
 */
record SubmissionMeterReadingRequest(
        @JsonDeserialize(using = TextOnly.class) String meterId,
        List<CounterReading> readings,
        JsonNode readingValue,
        @JsonDeserialize(using = TextOnly.class) String readingDate,
        @JsonDeserialize(using = TextOnly.class) String readBy,
        @JsonDeserialize(using = TextOnly.class) String reason,
        @JsonDeserialize(using = TextOnly.class) String maloId,
        @JsonDeserialize(using = TextOnly.class) String obisNumber,
        @JsonDeserialize(using = TextOnly.class) String readingUnit,
        @JsonDeserialize(using = TextOnly.class) String meterType,
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
    public record CounterReading(@JsonDeserialize(using = TextOnly.class) String counterId,
            @JsonDeserialize(using = TextOnly.class) String direction, JsonNode value,
            @JsonDeserialize(using = TextOnly.class) String unit) {}
}
