package io.metering.adapters.http.changeset;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;

/** The contract's {@code ProposedReading}: a changeset's proposal or its snapshot of the previous reading. */
record ProposedReadingResponse(
        BigDecimal value,
        String direction,
        Instant timestamp,
        String reason,
        String remark,
        @JsonProperty("read_by") String readBy,
        String status,
        @JsonProperty("external_id") String externalId) {}
