package io.metering.domain.consumption;

import java.math.BigDecimal;
import java.util.List;

/**
 * Consumption per period and in total.
 *
 * @param periods one entry per period, in time order
 * @param totalConsumption the sum of the periods' consumption, null when no period has one; when
 *     every period has one it equals the consumption over the whole span exactly
 * @param totalEnergy the sum of the periods' energy, null like {@code totalConsumption}
 * @param periodsWithoutValue how many periods have no consumption (no reading around a boundary)
 */
public record ConsumptionTable(List<PeriodConsumption> periods, BigDecimal totalConsumption, BigDecimal totalEnergy,
        int periodsWithoutValue) {
    /** Copies the list. */
    public ConsumptionTable {
        periods = List.copyOf(periods);
    }
}
