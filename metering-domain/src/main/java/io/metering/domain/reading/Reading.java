package io.metering.domain.reading;

import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A reading: the cumulative register value of one counter and direction at one instant (docs/domain.md
 * "Terms"; contract schema {@code Reading}).
 *
 * @param meterId the meter
 * @param counterId the counter (register)
 * @param direction the direction
 * @param timestamp the instant, UTC, millisecond precision
 * @param value the register value, exact, never negative
 * @param source where it came from
 * @param reason reason code as given ({@link ReadingReason}), may be null
 * @param readBy who read the meter, may be null
 * @param status status, may be null (none set)
 * @param externalId id in an external system, may be null
 * @param remark remark, may be null
 * @param note note, may be null
 * @param unit unit as given by the writer, may be null
 * @param metadata free string key/value pairs
 */
public record Reading(
        MeterId meterId,
        CounterId counterId,
        Direction direction,
        Instant timestamp,
        BigDecimal value,
        ReadingSource source,
        String reason,
        String readBy,
        ReadingStatus status,
        String externalId,
        String remark,
        String note,
        String unit,
        Map<String, String> metadata) {

    /**
     * @throws NullPointerException if an identity, the timestamp, the value or the source is null
     * @throws io.metering.domain.error.InvalidRequestException if the value is negative or too large
     */
    public Reading {
        Objects.requireNonNull(meterId, "meterId");
        Objects.requireNonNull(counterId, "counterId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(source, "source");
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
        value = ReadingValues.registerValue(value, "value");
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The series this reading belongs to. */
    public SeriesKey series() {
        return new SeriesKey(counterId, direction);
    }

    /** The key identifying this reading. */
    public ReadingKey key() {
        return new ReadingKey(series(), timestamp);
    }

    /** Whether this reading starts a new segment (meter change or adjustment). */
    public boolean startsSegment() {
        return ReadingReason.startsSegment(reason);
    }

    /** Whether the reading is marked implausible and so left out of checks and consumption. */
    public boolean isImplausible() {
        return status == ReadingStatus.IMPLAUSIBLE;
    }

    /** This reading as a point of its series. */
    public SeriesPoint point() {
        return new SeriesPoint(timestamp, value, startsSegment(), isImplausible());
    }

    /** A copy with another status. */
    public Reading withStatus(ReadingStatus newStatus) {
        return new Reading(meterId, counterId, direction, timestamp, value, source, reason, readBy, newStatus, externalId,
                remark, note, unit, metadata);
    }

    /** A copy at another instant. */
    public Reading withTimestamp(Instant newTimestamp) {
        return new Reading(meterId, counterId, direction, newTimestamp, value, source, reason, readBy, status, externalId,
                remark, note, unit, metadata);
    }
}
