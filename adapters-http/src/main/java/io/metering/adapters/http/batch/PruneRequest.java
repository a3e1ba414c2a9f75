package io.metering.adapters.http.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.metering.adapters.http.json.TextOnly;
import java.util.List;

/**
 * Body of pruneMeterReadings (contract schema {@code PruneMeterReadingsPayload}).
 *
 * @param meterId the meter (required)
 * @param counterId narrows the scope to one counter, may be null
 * @param source narrows the scope to one source, may be null
 * @param keepExternalIds external ids of readings to keep (required, may be empty, at most 10,000); JSON strings
 *     only ({@link TextOnly}): a number is no external id
 */
record PruneRequest(
        @JsonProperty("meter_id") String meterId,
        @JsonProperty("counter_id") String counterId,
        String source,
        @JsonProperty("keep_external_ids") @JsonDeserialize(contentUsing = TextOnly.class) List<String> keepExternalIds) {}
