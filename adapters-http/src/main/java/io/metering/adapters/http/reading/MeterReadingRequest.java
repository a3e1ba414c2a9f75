package io.metering.adapters.http.reading;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.metering.adapters.http.json.TextOnly;
import java.util.Map;

/**
 * The contract's {@code MeterReading} as a writer sends it. Codes and timestamps stay text here so
 * that a wrong value answers 400 naming the field; {@code value} stays a JSON node so that a number
 * sent as a string can be told apart and refused ({@code invalid_value}).
 */
record MeterReadingRequest(
        @JsonProperty("meter_id") String meterId,
        @JsonProperty("counter_id") String counterId,
        String direction,
        String timestamp,
        JsonNode value,
        String source,
        @JsonDeserialize(using = TextOnly.class) String reason,
        @JsonDeserialize(using = TextOnly.class) @JsonProperty("read_by") String readBy,
        String status,
        @JsonDeserialize(using = TextOnly.class) @JsonProperty("external_id") String externalId,
        @JsonDeserialize(using = TextOnly.class) String remark,
        @JsonDeserialize(using = TextOnly.class) String note,
        String unit,
        @JsonDeserialize(contentUsing = TextOnly.MapValues.class) Map<String, String> metadata) {

    /** The same reading on another meter (createPortalMeterReadings takes the meter from the path). */
    public MeterReadingRequest withMeterId(String newMeterId) {
        return new MeterReadingRequest(newMeterId, counterId, direction, timestamp, value, source, reason, readBy, status,
                externalId, remark, note, unit, metadata);
    }
}
