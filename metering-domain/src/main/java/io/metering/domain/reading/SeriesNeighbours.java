package io.metering.domain.reading;

import java.time.Instant;
import java.util.Optional;

/**
 * The stored readings around an instant of a series, as the write rules see them: implausible
 * readings and readings the same write replaces or removes are left out.
 */
public interface SeriesNeighbours {
    /** The nearest stored point strictly before {@code t}. */
    Optional<SeriesPoint> previous(SeriesKey series, Instant t);

    /** The nearest stored point strictly after {@code t}. */
    Optional<SeriesPoint> next(SeriesKey series, Instant t);
}
