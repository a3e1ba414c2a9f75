package io.metering.domain.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides the highest plausible register value for a new reading that has no later stored reading
 * (DOMAIN.md "Reading the series", plausibility). Readings above it are stored with status
 * {@code implausible} instead of being rejected.
 */
@FunctionalInterface
public interface PlausibilityPolicy {
    /** A policy that finds every value plausible. */
    PlausibilityPolicy NONE = (series, t, previous) -> Optional.empty();

    /**
     * @param series the series
     * @param t the instant of the new reading
     * @param previous the nearest plausible earlier point
     * @return the highest plausible value at {@code t}, or empty when history is too short to say
     */
    Optional<BigDecimal> upperBound(SeriesKey series, Instant t, SeriesPoint previous);
}
