package io.metering.domain.reading;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.math.BigDecimal;

/**
 * Exact register values (docs/domain.md#values-instants-days): decimals, never binary floating
 * point, of bounded size so that every accepted value round-trips through SQL {@code numeric} and
 * JSON unchanged.
 */
public final class ReadingValues {
    /** At most this many digits before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** At most this many digits after the decimal point (after trailing zeros are removed). */
    public static final int MAX_FRACTION_DIGITS = 12;

    private ReadingValues() {}

    /**
     * Checks the size of a value and strips trailing zeros, so {@code 1250.50} and {@code 1250.5}
     * are the same value; an integer never carries an exponent ({@code 1E+3} becomes {@code 1000}).
     *
     * @param value a decimal, may be null
     * @param field the field name for the message
     * @return the normalized value
     * @throws InvalidRequestException {@code missing_params} when null; {@code invalid_value} when
     *     it has more than {@value #MAX_INTEGER_DIGITS} integer or {@value #MAX_FRACTION_DIGITS}
     *     fraction digits
     */
    public static BigDecimal normalize(BigDecimal value, String field) {
        if (value == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, field + " is required");
        }
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() > MAX_FRACTION_DIGITS) {
            throw new InvalidRequestException(RejectionReason.INVALID_VALUE,
                    field + " has more than " + MAX_FRACTION_DIGITS + " digits after the decimal point");
        }
        // long arithmetic: with a scale near Integer.MIN_VALUE (1E+2147483647) the int difference overflows
        if ((long) stripped.precision() - stripped.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidRequestException(RejectionReason.INVALID_VALUE,
                    field + " has more than " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * A register value: normalized and not negative (a cumulative register is never negative).
     *
     * @throws InvalidRequestException as {@link #normalize}, or {@code negative_value}
     */
    public static BigDecimal registerValue(BigDecimal value, String field) {
        BigDecimal v = normalize(value, field);
        if (v.signum() < 0) {
            throw new InvalidRequestException(RejectionReason.NEGATIVE_VALUE,
                    field + " " + v.toPlainString() + " is negative; a cumulative register is never negative");
        }
        return v;
    }
}
