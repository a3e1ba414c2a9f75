package io.metering.application.port.in.reading;

import io.metering.application.access.Caller;
import io.metering.domain.meter.MeterId;
import java.time.Instant;
import java.util.List;

/**
 * The allowed value range of a new reading per counter of a meter (contract operation
 * getAllowedReadingForMeter; docs/domain.md#reading-the-series), for checking customer input before it
 * is submitted. Admins and portal users (their own meters only).
 *
 * <p>Per counter, the series is the counter's implied direction, else the direction of its latest
 * reading, else feed-out. {@code min_value} is the value of the nearest plausible reading at or
 * before the instant (0 if none). {@code max_value} is the value of the nearest plausible reading
 * after it, unless that reading starts a new segment (then nothing bounds the value from above);
 * with no later reading it is the plausibility bound the write path would apply, absent when history
 * is too short, and absent for a rolling register when the bound reaches the capacity (the register
 * may then wrap, so no register value is out of reach).
 */
public interface AllowedReadingQuery {
    /**
     * @param caller who asks
     * @param meterId the meter
     * @param at the instant, null for now
     * @return one range per counter, in counter order
     * @throws io.metering.domain.error.NotFoundException the meter is unknown or outside the
     *     caller's reach
     */
    List<AllowedRange> allowedRanges(Caller caller, MeterId meterId, Instant at);
}
