package io.metering.domain.consumption;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consumption per period from a {@link ConsumptionCurve} (docs/domain.md#reading-the-series;
 * "Terms": energy = register delta x transformer ratio, conversion factor folded in). Each boundary
 * value is computed once and shared by the two periods meeting there, so the periods' consumptions
 * add up exactly to the consumption over their union. The energy factor is applied once, to each
 * period's register consumption; being an exact product it also adds up exactly.
 */
public final class ConsumptionByPeriod {
    private ConsumptionByPeriod() {}

    /**
     * @param curve the series
     * @param periods the periods, in time order
     * @param energyFactor transformer ratio x conversion factor ({@code Counter.energyFactor()})
     * @return consumption and energy per period, and their totals
     */
    public static ConsumptionTable of(ConsumptionCurve curve, List<Period> periods, BigDecimal energyFactor) {
        Map<Instant, Optional<BoundaryValue>> boundaries = new HashMap<>();
        List<PeriodConsumption> out = new ArrayList<>(periods.size());
        BigDecimal totalConsumption = null;
        BigDecimal totalEnergy = null;
        int withoutValue = 0;
        for (Period p : periods) {
            BoundaryValue start = boundaries.computeIfAbsent(p.start(), curve::at).orElse(null);
            BoundaryValue end = boundaries.computeIfAbsent(p.end(), curve::at).orElse(null);
            if (start == null || end == null) {
                out.add(new PeriodConsumption(p, start, end, null, null, false));
                withoutValue++;
                continue;
            }
            BigDecimal consumption = end.cumulative().subtract(start.cumulative());
            BigDecimal energy = consumption.multiply(energyFactor);
            out.add(new PeriodConsumption(p, start, end, consumption, energy, curve.decreasesWithin(p.start(), p.end())));
            totalConsumption = totalConsumption == null ? consumption : totalConsumption.add(consumption);
            totalEnergy = totalEnergy == null ? energy : totalEnergy.add(energy);
        }
        return new ConsumptionTable(out, totalConsumption, totalEnergy, withoutValue);
    }
}
