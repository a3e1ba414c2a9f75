package io.metering.application.port.out;

import io.metering.domain.reading.Reading;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A window of a counter's readings in a range, with what a page shows beside it.
 *
 * @param readings the window, as {@link ReadingSeriesQueries#range} returns it
 * @param hits how many readings the range holds, window aside
 * @param firstTimestamp the timestamp of the counter's earliest reading (of the direction, if given)
 */
public record SeriesWindow(List<Reading> readings, long hits, Optional<Instant> firstTimestamp) {
    /** Copies the list. */
    public SeriesWindow {
        readings = List.copyOf(readings);
        Objects.requireNonNull(firstTimestamp, "firstTimestamp");
    }
}
