package io.metering.application.port.in.meter;

import io.metering.application.access.Caller;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import java.time.LocalDate;
import java.util.List;

/**
 * The meter and counter reads of the contract (getCustomerMeters, getMetersByContractId, getMeter,
 * getMeterCounters, getCounterDetails). Resources outside the caller's reach read as not found.
 */
public interface ViewMetersQuery {
    /**
     * The meters of the calling portal user.
     *
     * @throws io.metering.domain.error.ForbiddenException for admin callers, who have no customer
     */
    List<MeterView> customerMeters(Caller caller, boolean includePendingChangesets);

    /** The meters of a contract that the caller may see. */
    List<MeterView> metersByContract(Caller caller, String contractId);

    /** @throws io.metering.domain.error.NotFoundException outside the caller's reach */
    MeterView meter(Caller caller, MeterId id);

    /**
     * The meter's counters, forecast at today in the business time zone.
     *
     * @throws io.metering.domain.error.NotFoundException meter outside the caller's reach
     */
    default List<CounterView> counters(Caller caller, MeterId meterId) {
        return counters(caller, meterId, null);
    }

    /**
     * The meter's counters with their forecast at {@code forecastDate} (null: today in the business
     * time zone).
     *
     * @throws io.metering.domain.error.NotFoundException meter outside the caller's reach
     */
    List<CounterView> counters(Caller caller, MeterId meterId, LocalDate forecastDate);

    /**
     * One counter, forecast at today in the business time zone.
     *
     * @throws io.metering.domain.error.NotFoundException outside the caller's reach
     */
    default CounterView counter(Caller caller, CounterId counterId) {
        return counter(caller, counterId, null);
    }

    /**
     * One counter with its forecast at {@code forecastDate} (null: today in the business time zone).
     *
     * @throws io.metering.domain.error.NotFoundException outside the caller's reach
     */
    CounterView counter(Caller caller, CounterId counterId, LocalDate forecastDate);
}
