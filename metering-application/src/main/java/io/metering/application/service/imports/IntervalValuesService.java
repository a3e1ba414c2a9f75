package io.metering.application.service.imports;

import io.metering.application.port.out.Transactions;
import io.metering.application.service.shared.Reach;
import io.metering.application.access.Caller;
import io.metering.application.port.in.imports.IntervalValuesQuery;
import io.metering.application.port.out.IntervalValueStore;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.loadprofile.IntervalValue;
import io.metering.domain.meter.MeterId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A counter's interval values on one snapshot, after the reach checks of every counter read. */
public final class IntervalValuesService implements IntervalValuesQuery {
    private final Transactions transactions;
    private final IntervalValueStore intervals;
    private final Reach reach;

    /**
     * @param intervals the interval value store
     */
    public IntervalValuesService(Transactions transactions, Reach reach, IntervalValueStore intervals) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.intervals = Objects.requireNonNull(intervals, "intervals");
        this.reach = Objects.requireNonNull(reach, "reach");
    }

    @Override
    public List<IntervalValue> intervalValues(Caller caller, MeterId meterId, CounterId counterId, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "start_date (" + from + ") must lie before end_date (" + to + ")");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "the span may cover at most " + MAX_SPAN.toDays() + " days");
        }
        return transactions.readOnly(() -> {
            reach.counterOf(caller, meterId, counterId);
            return intervals.overlapping(caller.org(), counterId, from, to);
        });
    }
}
