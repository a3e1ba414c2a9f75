package io.metering.application.port.in.reading;

import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The register values a new reading of one counter may take at an instant (contract operation
 * getAllowedReadingForMeter, items of {@code data}).
 *
 * @param counterId the counter
 * @param direction the series the range describes
 * @param minValue the lowest allowed value: the nearest plausible reading at or before the instant,
 *     0 without one (a rolling register may also wrap below it)
 * @param maxValue the highest allowed value, null when nothing bounds it or the meter is closed at the instant
 * @param closedAt the decommissioning instant of a decommissioned meter, null for an active one: no
 *     reading may follow it (docs/domain.md#decommissioned-meters)
 */
public record AllowedRange(CounterId counterId, Direction direction, BigDecimal minValue, BigDecimal maxValue, Instant closedAt) {
    /** A range of an active meter. */
    public AllowedRange(CounterId counterId, Direction direction, BigDecimal minValue, BigDecimal maxValue) {
        this(counterId, direction, minValue, maxValue, null);
    }
}
