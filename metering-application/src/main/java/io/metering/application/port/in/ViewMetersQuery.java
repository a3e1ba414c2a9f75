package io.metering.application.port.in;

import io.metering.application.access.Caller;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
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

    /** @throws io.metering.domain.error.NotFoundException meter outside the caller's reach */
    List<CounterView> counters(Caller caller, MeterId meterId);

    /** @throws io.metering.domain.error.NotFoundException outside the caller's reach */
    CounterView counter(Caller caller, CounterId counterId);
}
