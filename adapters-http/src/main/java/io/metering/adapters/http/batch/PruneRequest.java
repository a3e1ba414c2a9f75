package io.metering.adapters.http.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of pruneMeterReadings (contract schema {@code PruneMeterReadingsPayload}).
 *
 * @param meterId the meter (required)
 * @param counterId narrows the scope to one counter, may be null
 * @param source narrows the scope to one source, may be null
 * @param keepExternalIds external ids of readings to keep (required, may be empty, at most 10,000)
 */
record PruneRequest(
        @JsonProperty("meter_id") String meterId,
        @JsonProperty("counter_id") String counterId,
        String source,
        @JsonProperty("keep_external_ids") List<String> keepExternalIds) {}
