package io.metering.domain.reading;

import io.metering.domain.counter.RegisterCapacity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Relative values of a series (docs/domain.md#reading-the-series, {@code type=relative}): each value
 * minus the value of the chronologically previous reading of the same series, which may lie before
 * the requested range; the first reading of a segment has relative value 0. Raw register
 * differences, no factor applied.
 *
 * <p>Implausible readings show 0 and are skipped as predecessors, so the reading after a unit slip
 * shows its true advance over the last plausible reading.
 */
public final class RelativeValues {
    private RelativeValues() {}

    /**
     * @param before the last plausible point before {@code ascending.get(0)}, if any
     * @param ascending points of one series in ascending time order
     * @param capacity the register capacity, if the register rolls over
     * @return one relative value per point, in the same order
     */
    public static List<BigDecimal> of(Optional<SeriesPoint> before, List<SeriesPoint> ascending,
            Optional<RegisterCapacity> capacity) {
        List<BigDecimal> out = new ArrayList<>(ascending.size());
        SeriesPoint last = before.filter(p -> !p.implausible()).orElse(null);
        for (SeriesPoint p : ascending) {
            if (p.implausible()) {
                out.add(BigDecimal.ZERO);
                continue;
            }
            out.add(of(Optional.ofNullable(last), p, capacity));
            last = p;
        }
        return out;
    }

    /**
     * The relative value of one point, the same rule one point at a time (for a series streamed
     * from the store in any order, each point with its predecessor).
     *
     * @param previousPlausible the last plausible point of the series strictly before {@code point}, if any
     * @param point the point
     * @param capacity the register capacity, if the register rolls over
     * @return 0 for an implausible point or one without predecessor, else its advance over the predecessor
     */
    public static BigDecimal of(Optional<SeriesPoint> previousPlausible, SeriesPoint point, Optional<RegisterCapacity> capacity) {
        if (point.implausible() || previousPlausible.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return RegisterArithmetic.advance(previousPlausible.get(), point, capacity);
    }
}
