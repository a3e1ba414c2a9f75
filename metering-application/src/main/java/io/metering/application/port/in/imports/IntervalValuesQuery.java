package io.metering.application.port.in.imports;

import io.metering.application.access.Caller;
import io.metering.domain.counter.CounterId;
import io.metering.domain.loadprofile.IntervalValue;
import io.metering.domain.meter.MeterId;
import java.time.Instant;
import java.util.List;

/** A counter's interval values (load profile, docs/load-profiles.md), e.g. for a chart. */
public interface IntervalValuesQuery {
    /** The longest span one question may cover: a year of quarter hours is 35,136 values. */
    java.time.Duration MAX_SPAN = java.time.Duration.ofDays(366);

    /**
     * @return the values whose intervals overlap {@code [from, to)}, ordered by start
     * @throws io.metering.domain.error.NotFoundException if the counter is not the meter's or out of
     *     the caller's reach (portal users reach their own meters)
     * @throws io.metering.domain.error.InvalidRequestException {@code invalid_parameter} if the span
     *     is empty or longer than {@link #MAX_SPAN}
     */
    List<IntervalValue> intervalValues(Caller caller, MeterId meterId, CounterId counterId, Instant from, Instant to);
}
