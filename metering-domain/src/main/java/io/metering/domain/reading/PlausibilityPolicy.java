package io.metering.domain.reading;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Decides the highest plausible register value for a new reading that has no later stored reading
 * (docs/domain.md#reading-the-series, plausibility). Readings above it are stored with status
 * {@code implausible} instead of being rejected. The product's rule is
 * {@link io.metering.domain.plausibility.PlausibilityRule}.
 */
@FunctionalInterface
public interface PlausibilityPolicy {
    /** A policy that finds every value plausible. */
    PlausibilityPolicy NONE = question -> Optional.empty();

    /**
     * @param question the new reading's series, instant and earlier points
     * @return the highest plausible value at the question's instant, or empty when history is too
     *     short to say. For a rolling register the bound is unwrapped: it may exceed the capacity, and
     *     a value that wraps is compared as {@code value + capacity}.
     */
    Optional<BigDecimal> upperBound(PlausibilityQuestion question);

    /**
     * A value the {@link #upperBound bound} is never below when the nearest earlier plausible point
     * is {@code previous}, if the policy knows one without reading history: a value at or below it
     * is plausible, so a validator need not ask (the product's rule reads up to 200 points of
     * history per question; see {@link io.metering.domain.plausibility.PlausibilityRule#leastBound}).
     * Empty by default: always ask.
     */
    default Optional<BigDecimal> boundAtLeast(SeriesPoint previous) {
        return Optional.empty();
    }

    /**
     * The lowest implausible value for a new reading when {@link #upperBound} has no bound, if the
     * policy has one: the rule for fresh counters (docs/domain.md#without-a-rate-fresh-counters), so
     * that a unit slip is caught whatever the history. Empty by default: no limit.
     *
     * @param previous the nearest earlier plausible point
     */
    default Optional<BigDecimal> limitWithoutBound(SeriesPoint previous) {
        return Optional.empty();
    }
}
