package io.metering.adapters.http.reading;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.metering.adapters.http.json.TextOnly;
import java.util.Map;

/**
 * Body of updateMeterReading (contract schema {@code UpdateMeterReading}). {@code meter_id} and
 * {@code counter_id} repeat the path and must agree with it when sent; {@code direction} names the
 * reading's series when the counter implies none; {@code timestamp} is the reading's NEW instant
 * (the query parameter names the old one). {@code reason} is the contract's free-text
 * {@code ReasonString}.
 */
record UpdateMeterReadingRequest(
        JsonNode value,
        @JsonDeserialize(using = TextOnly.class) @JsonProperty("read_by") String readBy,
        @JsonDeserialize(using = TextOnly.class) String reason,
        @JsonProperty("meter_id") String meterId,
        @JsonProperty("counter_id") String counterId,
        String direction,
        String timestamp,
        String source,
        String status,
        @JsonDeserialize(using = TextOnly.class) @JsonProperty("external_id") String externalId,
        @JsonDeserialize(using = TextOnly.class) String remark,
        @JsonDeserialize(contentUsing = TextOnly.MapValues.class) Map<String, String> metadata) {}
