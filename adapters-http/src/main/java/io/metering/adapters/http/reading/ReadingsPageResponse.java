package io.metering.adapters.http.reading;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.metering.adapters.http.changeset.ChangesetResponse;
import java.time.Instant;
import java.util.List;

/**
 * Answer of getReadingsByInterval.
 *
 * @param results the window of readings
 * @param hits how many readings the interval holds
 * @param firstRecordCreatedAt timestamp of the counter's earliest reading; left out when it has none
 * @param pendingChangesets the counter's pending changesets, only when
 *     {@code include_pending_changesets=true} was asked
 */
record ReadingsPageResponse(
        List<ReadingResponse> results,
        long hits,
        Instant firstRecordCreatedAt,
        @JsonProperty("pending_changesets") List<ChangesetResponse> pendingChangesets) {}
