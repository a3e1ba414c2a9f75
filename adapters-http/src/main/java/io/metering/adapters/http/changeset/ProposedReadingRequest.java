package io.metering.adapters.http.changeset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code proposed} edits of updateReadingChangeset (contract schema {@code ProposedReading});
 * fields left out keep the proposal's value.
 */
record ProposedReadingRequest(
        JsonNode value,
        String direction,
        String timestamp,
        String reason,
        String remark,
        @JsonProperty("read_by") String readBy,
        String status,
        @JsonProperty("external_id") String externalId) {}
