package io.metering.adapters.http;

import io.metering.application.port.in.ConsumptionQuery;
import io.metering.application.port.in.ListReadingsQuery;
import io.metering.application.port.in.ManageCountersUseCase;
import io.metering.application.port.in.ManageMetersUseCase;
import io.metering.application.port.in.RecordReadingsUseCase;
import io.metering.application.port.in.ViewMetersQuery;
import java.util.Objects;

/**
 * The incoming ports the HTTP adapter drives; the bootstrap module wires the services behind them.
 *
 * @param recordReadings createMeterReading, createMeterReadings
 * @param listReadings getReadingsByInterval
 * @param viewMeters getCustomerMeters, getMetersByContractId, getMeter, getMeterCounters,
 *     getCounterDetails
 * @param manageMeters updateMeter and the admin meter endpoints
 * @param manageCounters the admin counter endpoints
 * @param consumption this product's consumption by period
 */
public record UseCases(RecordReadingsUseCase recordReadings, ListReadingsQuery listReadings, ViewMetersQuery viewMeters,
        ManageMetersUseCase manageMeters, ManageCountersUseCase manageCounters, ConsumptionQuery consumption) {
    /** @throws NullPointerException if a use case is missing */
    public UseCases {
        Objects.requireNonNull(recordReadings, "recordReadings");
        Objects.requireNonNull(listReadings, "listReadings");
        Objects.requireNonNull(viewMeters, "viewMeters");
        Objects.requireNonNull(manageMeters, "manageMeters");
        Objects.requireNonNull(manageCounters, "manageCounters");
        Objects.requireNonNull(consumption, "consumption");
    }
}
