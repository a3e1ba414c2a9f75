package io.metering.domain.reading;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.Sector;
import java.util.List;
import java.util.Optional;

/**
 * Which counter and direction a reading is written to when the writer leaves them out (docs/domain.md
 * "Writing readings"): with no counter given, the meter's only counter ({@code no_counter} if it
 * has none or several); with no direction given, the counter's declared direction, else the one
 * its OBIS code names, else {@code feed-out} for sectors that only consume ({@code no_direction}
 * otherwise).
 *
 * @param counter the counter
 * @param direction the direction
 */
public record ReadingTarget(Counter counter, Direction direction) {

    /**
     * @param meter the meter written to
     * @param countersOfMeter all counters of that meter
     * @param counterId the counter the writer named, if any
     * @param direction the direction the writer named, if any
     * @return the target
     * @throws NotFoundException if the named counter is not a counter of the meter
     * @throws InvalidRequestException {@code no_counter}, {@code no_direction}, or
     *     {@code direction_mismatch} when the named direction contradicts the counter's declared one
     */
    public static ReadingTarget resolve(Meter meter, List<Counter> countersOfMeter, Optional<CounterId> counterId,
            Optional<Direction> direction) {
        Counter counter = counterId
                .map(id -> countersOfMeter.stream().filter(c -> c.id().equals(id)).findFirst()
                        .orElseThrow(() -> new NotFoundException("counter " + id + " not found on meter " + meter.id())))
                .orElseGet(() -> onlyCounter(meter, countersOfMeter));
        if (direction.isPresent()) {
            if (counter.direction() != null && counter.direction() != direction.get()) {
                throw new InvalidRequestException(RejectionReason.DIRECTION_MISMATCH, "direction " + direction.get().code()
                        + " contradicts counter " + counter.id() + ", which measures " + counter.direction().code());
            }
            return new ReadingTarget(counter, direction.get());
        }
        Direction derived = counter.impliedDirection()
                .or(() -> meter.sectorIfKnown().filter(Sector::consumptionOnly).map(s -> Direction.FEED_OUT))
                .orElseThrow(() -> new InvalidRequestException(RejectionReason.NO_DIRECTION,
                        "no direction given and counter " + counter.id() + " declares none (neither directly nor by OBIS code)"));
        return new ReadingTarget(counter, derived);
    }

    private static Counter onlyCounter(Meter meter, List<Counter> counters) {
        if (counters.size() == 1) {
            return counters.get(0);
        }
        String why = counters.isEmpty() ? "has no counters" : "has " + counters.size() + " counters";
        throw new InvalidRequestException(RejectionReason.NO_COUNTER, "no counter_id given and meter " + meter.id() + " " + why);
    }
}
