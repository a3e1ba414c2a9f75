package io.metering.adapters.http.changeset;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The contract's {@code MeterReadingChangeset}: a pending governed edit (docs/domain.md#changesets).
 * {@code timestamp_tolerance} is {@code "exact"} or an object, as in the contract.
 * {@code dismissed_reason} and {@code dismissed_at} are present only in dismissReadingChangeset's
 * answer; they are never stored.
 */
public record ChangesetResponse(
        @JsonProperty("changeset_id") String changesetId,
        @JsonProperty("meter_id") String meterId,
        @JsonProperty("counter_id") String counterId,
        ProposedReadingResponse proposed,
        ProposedReadingResponse previous,
        @JsonProperty("edit_mode") String editMode,
        @JsonProperty("match_strategy") String matchStrategy,
        @JsonProperty("timestamp_tolerance") Object timestampTolerance,
        @JsonProperty("fuzzy_config") FuzzyConfigResponse fuzzyConfig,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("created_by") CreatorResponse createdBy,
        String source,
        @JsonProperty("dismissed_reason") String dismissedReason,
        @JsonProperty("dismissed_at") Instant dismissedAt) {

    /** The contract's {@code FuzzyConfig}. */
    public record FuzzyConfigResponse(
            @JsonProperty("percentage_threshold") java.math.BigDecimal percentageThreshold,
            @JsonProperty("absolute_threshold") java.math.BigDecimal absoluteThreshold) {}

    /** The contract's {@code ChangesetCreator}. */
    public record CreatorResponse(String type, String id) {}
}
