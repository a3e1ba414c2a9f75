package io.metering.domain.consumption;

import io.metering.domain.counter.RegisterCapacity;
import io.metering.domain.reading.SeriesPoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Shorthands for series points in analytics tests. */
final class Points {
    static final Optional<RegisterCapacity> NO_CAPACITY = Optional.empty();

    private Points() {}

    /** A plausible point continuing its segment. */
    static SeriesPoint p(String instant, String value) {
        return new SeriesPoint(Instant.parse(instant), new BigDecimal(value), false, false);
    }

    /** A plausible point starting a new segment (meter change). */
    static SeriesPoint meterChange(String instant, String value) {
        return new SeriesPoint(Instant.parse(instant), new BigDecimal(value), true, false);
    }

    /** A point marked implausible. */
    static SeriesPoint implausible(String instant, String value) {
        return new SeriesPoint(Instant.parse(instant), new BigDecimal(value), false, true);
    }

    static Optional<RegisterCapacity> capacity(String value) {
        return Optional.of(new RegisterCapacity(new BigDecimal(value)));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
