package io.metering.application.port.out;

import io.metering.domain.reading.SeriesPoint;
import java.util.Optional;

/**
 * The nearest stored plausible readings strictly before and strictly after an instant.
 *
 * @param previous the nearest earlier reading, if any
 * @param next the nearest later reading, if any
 */
public record Neighbours(Optional<SeriesPoint> previous, Optional<SeriesPoint> next) {
    /** No neighbours. */
    public static final Neighbours NONE = new Neighbours(Optional.empty(), Optional.empty());
}
