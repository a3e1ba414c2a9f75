package io.metering.domain.reading;

import io.metering.domain.counter.RegisterCapacity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link PlausibilityPolicy} is asked about one new reading that has no later stored reading.
 *
 * @param series the series written to
 * @param capacity the register capacity, if the register rolls over
 * @param t the instant of the new reading
 * @param previous the nearest plausible earlier point, stored or accepted earlier in the same write
 * @param written the points the same write accepted before {@code t} in this series, ascending;
 *     stored history does not hold them yet, so a policy that reads history adds them itself
 */
public record PlausibilityQuestion(SeriesKey series, Optional<RegisterCapacity> capacity, Instant t, SeriesPoint previous,
        List<SeriesPoint> written) {
    /** @throws NullPointerException if a part is null */
    public PlausibilityQuestion {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(t, "t");
        Objects.requireNonNull(previous, "previous");
        written = List.copyOf(written);
    }
}
