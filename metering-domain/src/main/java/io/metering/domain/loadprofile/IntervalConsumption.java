package io.metering.domain.loadprofile;

import io.metering.domain.consumption.ConsumptionTable;
import io.metering.domain.consumption.Period;
import io.metering.domain.consumption.PeriodConsumption;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumption per period from a counter's interval values (docs/load-profiles.md "Consumption"):
 * a period's consumption is the exact sum of the values inside it. An interval that crosses a
 * period boundary is split there by time: the share of {@code [start, t)} is
 * {@code value x (t - start) / (end - start)}, rounded half-even to {@value #EXTRA_SCALE} more decimal
 * places than the value has, and the share after {@code t} is the rest, so the parts of an interval
 * always add up to its value and the periods to the sum of all values. Such periods are flagged
 * {@code prorated}; periods the intervals do not cover wholly are flagged {@code incomplete}, ones
 * they cover more than once (overlapping values of a message, {@link IntervalSeries}) {@code
 * overlapping}, and a period no interval touches has no value.
 */
public final class IntervalConsumption {
    /** Decimal places a pro-rata share keeps beyond its value's. */
    public static final int EXTRA_SCALE = 6;

    private IntervalConsumption() {}

    /**
     * @param values the interval values, ordered by start, not overlapping (as stored)
     * @param periods the periods, in time order, adjacent
     * @param energyFactor transformer ratio x conversion factor
     * @return consumption and energy per period and their totals
     */
    public static ConsumptionTable of(List<IntervalValue> values, List<Period> periods, BigDecimal energyFactor) {
        List<PeriodConsumption> out = new ArrayList<>(periods.size());
        BigDecimal total = null;
        BigDecimal totalEnergy = null;
        int withoutValue = 0;
        int first = 0;
        for (Period p : periods) {
            while (first < values.size() && !values.get(first).end().isAfter(p.start())) {
                first++;
            }
            BigDecimal sum = BigDecimal.ZERO;
            boolean touched = false;
            boolean prorated = false;
            Duration covered = Duration.ZERO;
            for (int i = first; i < values.size() && values.get(i).start().isBefore(p.end()); i++) {
                IntervalValue v = values.get(i);
                Instant from = max(v.start(), p.start());
                Instant to = min(v.end(), p.end());
                touched = true;
                covered = covered.plus(Duration.between(from, to));
                if (from.equals(v.start()) && to.equals(v.end())) {
                    sum = sum.add(v.value());
                } else {
                    prorated = true;
                    sum = sum.add(shareBefore(v, to).subtract(shareBefore(v, from)));
                }
            }
            if (!touched) {
                out.add(new PeriodConsumption(p, null, null, null, null, false, false, true, false));
                withoutValue++;
                continue;
            }
            BigDecimal energy = sum.multiply(energyFactor);
            // covered sums the parts' lengths: below the period's, gaps; above it, overlapping values
            int coverage = covered.compareTo(Duration.between(p.start(), p.end()));
            out.add(new PeriodConsumption(p, null, null, sum, energy, false, prorated, coverage < 0, coverage > 0));
            total = total == null ? sum : total.add(sum);
            totalEnergy = totalEnergy == null ? energy : totalEnergy.add(energy);
        }
        return new ConsumptionTable(out, total, totalEnergy, withoutValue);
    }

    /** The share of the value in {@code [start, t)}, for t within the interval: 0 at its start, the value at its end. */
    static BigDecimal shareBefore(IntervalValue v, Instant t) {
        if (!t.isAfter(v.start())) {
            return BigDecimal.ZERO;
        }
        if (!t.isBefore(v.end())) {
            return v.value();
        }
        BigInteger part = nanos(v.start(), t);
        BigInteger whole = nanos(v.start(), v.end());
        return v.value().multiply(new BigDecimal(part)).divide(new BigDecimal(whole), Math.max(v.value().scale(), 0) + EXTRA_SCALE,
                RoundingMode.HALF_EVEN);
    }

    private static BigInteger nanos(Instant a, Instant b) {
        Duration d = Duration.between(a, b);
        return BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L)).add(BigInteger.valueOf(d.getNano()));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
