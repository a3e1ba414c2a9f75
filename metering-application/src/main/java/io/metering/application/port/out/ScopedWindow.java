package io.metering.application.port.out;

import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import java.util.Objects;
import java.util.Optional;

/**
 * A window of a counter's readings together with the meter and the counter it was asked through,
 * read at one instant ({@link ReadingSeriesQueries#scopedWindow}).
 *
 * @param meter the meter of the organization with the id asked for, if there is one
 * @param counter the counter with the id asked for, if there is one and it belongs to that meter
 * @param window the window of the counter id asked for (meaningless when either is absent)
 */
public record ScopedWindow(Optional<Meter> meter, Optional<Counter> counter, SeriesWindow window) {
    /** @throws NullPointerException if a part is null */
    public ScopedWindow {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(window, "window");
    }
}
