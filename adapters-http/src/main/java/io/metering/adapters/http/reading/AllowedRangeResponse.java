package io.metering.adapters.http.reading;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One item of getAllowedReadingForMeter's {@code data}.
 *
 * @param counterId the counter
 * @param direction the series the range describes (this product's extension)
 * @param minValue the lowest allowed value
 * @param maxValue the highest allowed value; left out when nothing bounds it or the meter is closed
 * @param closed true for a decommissioned meter (docs/domain.md#decommissioned-meters); left out otherwise
 * @param decommissionedAt the instant a decommissioned meter closed; left out otherwise
 */
record AllowedRangeResponse(
        @JsonProperty("counter_id") String counterId,
        String direction,
        @JsonProperty("min_value") BigDecimal minValue,
        @JsonProperty("max_value") BigDecimal maxValue,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean closed,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("decommissioned_at") java.time.Instant decommissionedAt) {}
