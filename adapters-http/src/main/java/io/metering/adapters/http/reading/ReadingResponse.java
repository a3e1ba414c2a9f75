package io.metering.adapters.http.reading;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The contract's {@code MeterReading} as answered. Absent optional fields are left out rather than
 * null; {@code metadata} is left out when empty. {@code value} is the register value, or the
 * consumption since the previous reading when {@code type=relative} was asked.
 */
public record ReadingResponse(
        @JsonProperty("meter_id") String meterId,
        @JsonProperty("counter_id") String counterId,
        String direction,
        BigDecimal value,
        String source,
        Instant timestamp,
        String reason,
        @JsonProperty("read_by") String readBy,
        String status,
        @JsonProperty("external_id") String externalId,
        String remark,
        String note,
        String unit,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> metadata) {}
