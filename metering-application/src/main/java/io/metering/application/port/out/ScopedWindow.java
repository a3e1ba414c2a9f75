package io.metering.application.port.out;

import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.domain.counter.Direction;
import io.metering.domain.reading.SeriesPoint;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A window of a counter's readings together with the meter and the counter it was asked through,
 * read at one instant ({@link ReadingSeriesQueries#scopedWindow}).
 *
 * @param meter the meter of the organization with the id asked for, if there is one
 * @param counter the counter with the id asked for, if there is one and it belongs to that meter
 * @param window the window of the counter id asked for (meaningless when either is absent)
 * @param predecessors when asked for, for each direction with readings in the window, the last
 *     plausible point of that series strictly before the window's earliest reading of it, if there is
 *     one (what the window's relative values start from; docs/domain.md "Reading the series");
 *     otherwise empty
 */
public record ScopedWindow(Optional<Meter> meter, Optional<Counter> counter, SeriesWindow window,
        Map<Direction, SeriesPoint> predecessors) {
    /** @throws NullPointerException if a part is null */
    public ScopedWindow {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(window, "window");
        predecessors = Map.copyOf(predecessors);
    }
}
