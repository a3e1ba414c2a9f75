package io.metering.adapters.http.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** Body of createReadingWithMeter (contract schema {@code ReadingWithMeter}). */
record ReadingWithMeterRequest(
        @JsonProperty("ma_lo_id") String maLoId,
        @JsonProperty("meter_id") String meterId,
        @JsonProperty("obis_number") String obisNumber,
        String unit,
        String direction,
        @JsonProperty("tariff_type") String tariffType,
        JsonNode value,
        @JsonProperty("read_by") String readBy,
        String reason,
        String timestamp,
        String source) {}
