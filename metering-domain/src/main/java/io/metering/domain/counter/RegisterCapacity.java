package io.metering.domain.counter;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The capacity of a rolling register: the value at which it wraps back to zero (a five-digit
 * register has capacity 100000). docs/domain.md#writing-readings: a value below the previous one, where
 * the previous was near the top of the register, is a wrap whose consumption is
 * {@code (capacity - previous) + value}, exactly.
 *
 * <p>"Near the top" is made precise here: a wrap is recognised when the previous value lies in the
 * top tenth of the register and the new value in the bottom tenth, so the implied consumption is
 * below a fifth of the capacity. Larger apparent drops stay {@code less_than_previous}: a wrap that
 * implies more than a fifth of a full register between two readings is far likelier a typo.
 *
 * @param value the capacity, positive
 */
public record RegisterCapacity(BigDecimal value) {
    private static final BigDecimal TENTH = new BigDecimal("0.1");

    /** @throws IllegalArgumentException if the capacity is not positive */
    public RegisterCapacity {
        Objects.requireNonNull(value, "value");
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("register capacity must be positive");
        }
    }

    /** Whether a register value fits the register ({@code 0 <= v < capacity}). */
    public boolean fits(BigDecimal v) {
        return v.signum() >= 0 && v.compareTo(value) < 0;
    }

    /**
     * Whether going from {@code previous} to {@code next} is a wrap of the register.
     *
     * @param previous the earlier register value
     * @param next the later register value
     */
    public boolean isWrap(BigDecimal previous, BigDecimal next) {
        if (next.compareTo(previous) >= 0) {
            return false;
        }
        BigDecimal window = value.multiply(TENTH);
        return previous.compareTo(value.subtract(window)) >= 0 && next.compareTo(window) < 0;
    }

    /**
     * Consumption across a wrap: {@code (capacity - previous) + next}.
     *
     * @param previous the value before the wrap
     * @param next the value after the wrap
     */
    public BigDecimal consumptionAcrossWrap(BigDecimal previous, BigDecimal next) {
        return value.subtract(previous).add(next);
    }
}
