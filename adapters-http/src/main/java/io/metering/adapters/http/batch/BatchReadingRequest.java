package io.metering.adapters.http.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.metering.adapters.http.json.TextOnly;
import java.util.Map;

/**
 * One item of batchWriteMeterReadings (contract schema {@code BatchReading}): a reading plus its
 * {@code operation} ({@code create}, the default, {@code update} or {@code delete}). Codes and
 * timestamps stay text and {@code value} a JSON node, so that a wrong value answers 400 naming the
 * field.
 */
record BatchReadingRequest(
        String operation,
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
        @JsonDeserialize(contentUsing = TextOnly.MapValues.class) Map<String, String> metadata) {}
