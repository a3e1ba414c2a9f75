package io.metering.adapters.http.reading;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One item of getAllowedReadingForMeter's {@code data}.
 *
 * @param counterId the counter
 * @param direction the series the range describes (this product's extension)
 * @param minValue the lowest allowed value
 * @param maxValue the highest allowed value; left out when nothing bounds it
 */
public record AllowedRangeResponse(
        @JsonProperty("counter_id") String counterId,
        String direction,
        @JsonProperty("min_value") BigDecimal minValue,
        @JsonProperty("max_value") BigDecimal maxValue) {}
