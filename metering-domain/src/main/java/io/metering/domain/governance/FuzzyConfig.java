package io.metering.domain.governance;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numeric thresholds of fuzzy matching (contract schema {@code FuzzyConfig}): a value matches when
 * it lies within the percentage of the proposed value or within the absolute threshold; either
 * suffices. With neither given, the contract's default of 1 % applies.
 *
 * @param percentageThreshold fraction 0..1 (0.01 = 1 %), may be null
 * @param absoluteThreshold non-negative difference in the reading's unit, may be null
 */
public record FuzzyConfig(BigDecimal percentageThreshold, BigDecimal absoluteThreshold) {
    /** The contract's default percentage, 1 %. */
    public static final BigDecimal DEFAULT_PERCENTAGE = new BigDecimal("0.01");

    /** @throws InvalidRequestException if a threshold is out of range */
    public FuzzyConfig {
        if (percentageThreshold != null && (percentageThreshold.signum() < 0 || percentageThreshold.compareTo(BigDecimal.ONE) > 0)) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "percentage_threshold must be between 0 and 1");
        }
        if (absoluteThreshold != null && absoluteThreshold.signum() < 0) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "absolute_threshold must not be negative");
        }
    }

    /**
     * Whether {@code actual} is close enough to {@code proposed}.
     *
     * @param proposed the pending changeset's value
     * @param actual the direct write's value
     */
    public boolean matches(BigDecimal proposed, BigDecimal actual) {
        BigDecimal difference = actual.subtract(proposed).abs();
        BigDecimal percentage = percentageThreshold == null && absoluteThreshold == null ? DEFAULT_PERCENTAGE : percentageThreshold;
        boolean byPercentage = percentage != null
                && difference.compareTo(proposed.abs().multiply(percentage, MathContext.UNLIMITED)) <= 0;
        boolean byAbsolute = absoluteThreshold != null && difference.compareTo(absoluteThreshold) <= 0;
        return byPercentage || byAbsolute;
    }
}
