package io.metering.application.service.reading;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.ObisCode;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks a meter's counter by what writers know of it rather than by id: OBIS number, tariff,
 * direction (createReadingWithMeter, docs/domain.md#journey-submissions). A counter's tariff and
 * direction are its declared ones, else the ones its OBIS code names.
 */
public final class CounterSelection {
    private CounterSelection() {}

    /** The counter's declared tariff, else the one its OBIS code names. */
    static Optional<TariffType> tariffOf(Counter c) {
        return Optional.ofNullable(c.tariffType()).or(() -> ObisCode.parse(c.obisNumber()).flatMap(ObisCode::tariffType));
    }

    /** The counters registering the same OBIS register as {@code obis}. */
    static List<Counter> byObis(List<Counter> counters, String obis) {
        return counters.stream().filter(c -> ObisCode.sameRegister(c.obisNumber(), obis)).toList();
    }

    /**
     * Narrows counters: each given criterion applies only while more than one counter remains.
     *
     * @param direction wanted implied direction, may be null
     * @param tariff wanted tariff, may be null
     */
    static List<Counter> narrow(List<Counter> counters, Direction direction, TariffType tariff) {
        List<Counter> out = counters;
        if (out.size() > 1 && direction != null) {
            out = out.stream().filter(c -> c.impliedDirection().equals(Optional.of(direction))).toList();
        }
        if (out.size() > 1 && tariff != null) {
            out = out.stream().filter(c -> tariffOf(c).equals(Optional.of(tariff))).toList();
        }
        return out;
    }

    /**
     * The one counter of the meter with this tariff; among several, the consumption (feed-out or
     * undirected) one.
     *
     * @throws InvalidRequestException {@code no_counter} unless exactly one fits
     */
    public static Counter withTariff(Meter meter, List<Counter> counters, TariffType tariff) {
        List<Counter> fitting = counters.stream().filter(c -> tariffOf(c).equals(Optional.of(tariff))).toList();
        return exactlyOne(meter, prefer(fitting, c -> c.impliedDirection().orElse(Direction.FEED_OUT) == Direction.FEED_OUT),
                "with tariff " + tariff.code());
    }

    /**
     * The one counter of the meter measuring this direction; among several, the total register (no
     * tariff). A meter whose only counter declares no direction records both directions on it.
     *
     * @throws InvalidRequestException {@code no_counter} unless exactly one fits
     */
    public static Counter withDirection(Meter meter, List<Counter> counters, Direction direction) {
        List<Counter> fitting = counters.stream().filter(c -> c.impliedDirection().equals(Optional.of(direction))).toList();
        if (fitting.isEmpty() && counters.size() == 1 && counters.get(0).impliedDirection().isEmpty()) {
            return counters.get(0);
        }
        return exactlyOne(meter, prefer(fitting, c -> tariffOf(c).isEmpty()), "measuring " + direction.code());
    }

    /**
     * The meter's single counter; with several, the one with this OBIS number.
     *
     * @param obis the OBIS number the writer gave, may be null
     * @throws InvalidRequestException {@code no_counter} unless exactly one fits
     */
    public static Counter onlyOrByObis(Meter meter, List<Counter> counters, String obis) {
        if (counters.size() == 1) {
            return counters.get(0);
        }
        if (obis == null) {
            throw new InvalidRequestException(RejectionReason.NO_COUNTER, "meter " + meter.id() + " has " + counters.size()
                    + " counters; send obisNumber or explicit readings");
        }
        return exactlyOne(meter, byObis(counters, obis), "with OBIS number " + obis);
    }

    private static List<Counter> prefer(List<Counter> counters, Predicate<Counter> preferred) {
        if (counters.size() <= 1) {
            return counters;
        }
        List<Counter> better = counters.stream().filter(preferred).toList();
        return better.isEmpty() ? counters : better;
    }

    private static Counter exactlyOne(Meter meter, List<Counter> fitting, String what) {
        if (fitting.size() != 1) {
            throw new InvalidRequestException(RejectionReason.NO_COUNTER, "meter " + meter.id() + " has "
                    + (fitting.isEmpty() ? "no counter " : fitting.size() + " counters ") + what);
        }
        return fitting.get(0);
    }
}
