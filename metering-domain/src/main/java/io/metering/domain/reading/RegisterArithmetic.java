package io.metering.domain.reading;

import io.metering.domain.counter.RegisterCapacity;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Differences of register values within one series, aware of segments and of register rollover
 * (docs/domain.md#writing-readings).
 */
public final class RegisterArithmetic {
    private RegisterArithmetic() {}

    /**
     * Whether a later value may follow an earlier one: it is not below it, or the step is a wrap of
     * a rolling register. Equal values are in order (zero consumption is real).
     *
     * @param earlier the earlier register value
     * @param later the later register value
     * @param capacity the register capacity, if the register rolls over
     */
    public static boolean inOrder(BigDecimal earlier, BigDecimal later, Optional<RegisterCapacity> capacity) {
        return later.compareTo(earlier) >= 0 || capacity.map(c -> c.isWrap(earlier, later)).orElse(false);
    }

    /**
     * The register advance from {@code previous} to {@code current}: zero when {@code current}
     * starts a segment; {@code (capacity - previous) + current} across a wrap; otherwise the plain
     * difference (negative only for series written with validation skipped).
     *
     * @param previous the chronologically previous point of the series
     * @param current the point
     * @param capacity the register capacity, if the register rolls over
     */
    public static BigDecimal advance(SeriesPoint previous, SeriesPoint current, Optional<RegisterCapacity> capacity) {
        if (current.segmentStart()) {
            return BigDecimal.ZERO;
        }
        BigDecimal p = previous.value();
        BigDecimal c = current.value();
        if (c.compareTo(p) < 0 && capacity.isPresent() && capacity.get().isWrap(p, c)) {
            return capacity.get().consumptionAcrossWrap(p, c);
        }
        return c.subtract(p);
    }
}
