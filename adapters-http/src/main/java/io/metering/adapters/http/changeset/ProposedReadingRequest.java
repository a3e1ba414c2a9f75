package io.metering.adapters.http.changeset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.metering.adapters.http.json.TextOnly;

/**
 * The {@code proposed} edits of updateReadingChangeset (contract schema {@code ProposedReading});
 * fields left out keep the proposal's value.
 */
record ProposedReadingRequest(
        JsonNode value,
        String direction,
        String timestamp,
        @JsonDeserialize(using = TextOnly.class) String reason,
        @JsonDeserialize(using = TextOnly.class) String remark,
        @JsonDeserialize(using = TextOnly.class) @JsonProperty("read_by") String readBy,
        String status,
        @JsonDeserialize(using = TextOnly.class) @JsonProperty("external_id") String externalId) {}
