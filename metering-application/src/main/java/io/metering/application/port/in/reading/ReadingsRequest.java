package io.metering.application.port.in.reading;

import io.metering.application.access.Caller;
import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.time.TimeInput;
import java.util.Objects;
import java.util.Optional;

/**
 * The readings of one counter in an interval (contract operation getReadingsByInterval).
 *
 * @param caller who asks
 * @param meterId the meter
 * @param counterId the counter, which must belong to the meter
 * @param direction one direction, or empty for all
 * @param start start of the interval, null for 2000-01-01; a date means 00:00 of that day in the
 *     business time zone
 * @param end end of the interval, inclusive, null for today; a date includes that whole day in the
 *     business time zone
 * @param type cumulative or relative values
 * @param sort timestamp order
 * @param page the window ({@code size}, {@code from})
 * @param includePendingChangesets whether to return the counter's pending changesets too
 */
public record ReadingsRequest(Caller caller, MeterId meterId, CounterId counterId, Optional<Direction> direction,
        TimeInput start, TimeInput end, ValueType type, SortOrder sort, PageRequest page, boolean includePendingChangesets) {
    /** @throws NullPointerException if a required part is null */
    public ReadingsRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(counterId, "counterId");
        direction = direction == null ? Optional.empty() : direction;
        type = type == null ? ValueType.CUMULATIVE : type;
        sort = sort == null ? SortOrder.ASC : sort;
        page = page == null ? new PageRequest(0, 20) : page;
    }
}
