package io.metering.application.service.reading;

import io.metering.application.port.out.ReadingRepository;
import java.util.Objects;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the stored readings an address without key precision names (updateMeterReading,
 * deleteMeterReading): the given direction; else the counter's implied direction (declared, else by
 * OBIS code); else every direction stored at that instant. One key lookup.
 */
final class ReadingLocator {
    private final ReadingRepository readings;

    ReadingLocator(ReadingRepository readings) {
        this.readings = Objects.requireNonNull(readings, "readings");
    }

    /**
     * @return the readings found, in direction order; empty when none is stored
     */
    List<Reading> find(OrganizationId org, Counter counter, Instant timestamp, Optional<Direction> direction) {
        List<Direction> directions = direction.or(counter::impliedDirection).map(List::of)
                .orElseGet(() -> Arrays.asList(Direction.values()));
        List<ReadingKey> keys = directions.stream()
                .map(d -> new ReadingKey(new SeriesKey(counter.id(), d), timestamp))
                .toList();
        Map<ReadingKey, Reading> found = readings.findByKeys(org, keys);
        return found.values().stream().sorted(Comparator.comparing(Reading::direction)).toList();
    }
}
