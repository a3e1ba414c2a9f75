package io.metering.adapters.http.submission;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.metering.adapters.http.json.TextOnly;

/**
 * Body of createReadingWithMeter (contract schema {@code ReadingWithMeter}). Every field but
 * {@code value} is a string in the contract and takes JSON strings only ({@link TextOnly}: 400
 * {@code invalid_parameter} naming the field, not {@code 42} stored as {@code "42"}).
 */
record ReadingWithMeterRequest(
        @JsonDeserialize(using = TextOnly.class) @JsonProperty("ma_lo_id") String maLoId,
        @JsonDeserialize(using = TextOnly.class) @JsonProperty("meter_id") String meterId,
        @JsonDeserialize(using = TextOnly.class) @JsonProperty("obis_number") String obisNumber,
        @JsonDeserialize(using = TextOnly.class) String unit,
        @JsonDeserialize(using = TextOnly.class) String direction,
        @JsonDeserialize(using = TextOnly.class) @JsonProperty("tariff_type") String tariffType,
        JsonNode value,
        @JsonDeserialize(using = TextOnly.class) @JsonProperty("read_by") String readBy,
        @JsonDeserialize(using = TextOnly.class) String reason,
        @JsonDeserialize(using = TextOnly.class) String timestamp,
        @JsonDeserialize(using = TextOnly.class) String source) {}
