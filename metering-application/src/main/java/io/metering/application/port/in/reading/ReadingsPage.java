package io.metering.application.port.in.reading;

import io.metering.domain.changeset.Changeset;
import java.time.Instant;
import java.util.List;

/**
 * A window of a counter's readings.
 *
 * @param results the readings of the window
 * @param hits how many readings the interval holds
 * @param firstRecordAt the timestamp of the counter's earliest reading, null if it has none
 * @param pendingChangesets the counter's pending changesets, when asked for; else empty
 */
public record ReadingsPage(List<ReadingView> results, long hits, Instant firstRecordAt, List<Changeset> pendingChangesets) {
    /** Copies the lists. */
    public ReadingsPage {
        results = List.copyOf(results);
        pendingChangesets = List.copyOf(pendingChangesets);
    }
}
