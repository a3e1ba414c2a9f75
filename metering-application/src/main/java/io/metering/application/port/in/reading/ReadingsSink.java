package io.metering.application.port.in.reading;

import io.metering.domain.changeset.Changeset;
import java.time.Instant;
import java.util.List;

/**
 * Receives a counter's readings as {@link ListReadingsQuery#stream} reads them: the totals first
 * (once the meter and counter were found, so a refusal comes before anything was received), then
 * each reading as the store yields it, then the counter's pending changesets.
 */
public interface ReadingsSink {
    /**
     * @param hits how many readings the interval holds
     * @param firstRecordAt the timestamp of the counter's earliest reading, null if it has none
     */
    void start(long hits, Instant firstRecordAt);

    /** One reading of the window, in the order asked. */
    void reading(ReadingView reading);

    /** @param pendingChangesets the counter's pending changesets when asked for, else empty */
    void end(List<Changeset> pendingChangesets);
}
