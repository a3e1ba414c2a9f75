package io.metering.domain.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The register at one instant of a series, as consumption by period needs it.
 *
 * @param at the instant
 * @param register the register value shown at that instant (for a rolling register, below the
 *     capacity)
 * @param cumulative consumption since the first point of the {@link ConsumptionCurve} it came from;
 *     only differences of it mean anything (they are the consumption between two instants)
 * @param kind whether it is a reading or an estimate, and which
 */
public record BoundaryValue(Instant at, BigDecimal register, BigDecimal cumulative, Kind kind) {
    /** Where a boundary value comes from. */
    public enum Kind {
        /** A plausible reading lies exactly at the instant. */
        READING,
        /** Linear interpolation between the surrounding plausible readings of one segment. */
        INTERPOLATED,
        /**
         * The instant lies between a segment's last reading and the next segment's start (meter
         * change or adjustment); the last reading's value is carried forward,
         * never interpolated across the break.
         */
        CARRIED
    }

    /** @throws NullPointerException if a part is null */
    public BoundaryValue {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(cumulative, "cumulative");
        Objects.requireNonNull(kind, "kind");
    }

    /** Whether the value is an estimate rather than a reading at that instant. */
    public boolean estimated() {
        return kind != Kind.READING;
    }
}
