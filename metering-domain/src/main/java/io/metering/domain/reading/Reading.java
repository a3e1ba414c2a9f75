package io.metering.domain.reading;

import io.metering.domain.counter.Counter;
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
 * @param reason why the reading was taken, may be null (none given)
 * @param readBy who read the meter, may be null
 * @param status status, may be null (none set)
 * @param externalId id in an external system, may be null
 * @param remark remark, may be null
 * @param note note, may be null
 * @param unit unit as given by the writer, may be null
 * @param metadata free string key/value pairs
 * @see #builder(Counter) the short way to make one
 */
public record Reading(
        MeterId meterId,
        CounterId counterId,
        Direction direction,
        Instant timestamp,
        BigDecimal value,
        ReadingSource source,
        ReadingReason reason,
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
        // most readings carry none: the shared empty map spares two objects per reading (an import holds
        // four chunks of 20,000 in flight; docs/benchmarks.md "Peak RSS: the import")
        metadata = metadata == null || metadata.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
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
        return reason != null && reason.startsSegment();
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

    /**
     * A builder for a reading of this counter: meter and counter from it, the direction its
     * counter implies (declared or by OBIS code, see {@link Counter#impliedDirection()}), source
     * {@link ReadingSource#ERP}, everything else unset.
     *
     * @param counter the counter read
     * @return the builder; set at least the timestamp and the value
     */
    public static Builder builder(Counter counter) {
        return new Builder(counter.meterId(), counter.id(), counter.impliedDirection().orElse(null));
    }

    /**
     * A builder for a reading of this series: source {@link ReadingSource#ERP}, everything else unset.
     *
     * @param meterId the meter
     * @param counterId the counter
     * @param direction the direction
     * @return the builder; set at least the timestamp and the value
     */
    public static Builder builder(MeterId meterId, CounterId counterId, Direction direction) {
        return new Builder(meterId, counterId, direction);
    }

    /** A builder pre-filled with this reading's values. */
    public Builder toBuilder() {
        Builder b = new Builder(meterId, counterId, direction).at(timestamp).value(value).source(source).reason(reason)
                .readBy(readBy).status(status).externalId(externalId).remark(remark).note(note).unit(unit);
        b.metadata = metadata;
        return b;
    }

    /** Mutable builder of a {@link Reading}; {@link #build()} validates as the constructor does. */
    public static final class Builder {
        private final MeterId meterId;
        private final CounterId counterId;
        private Direction direction;
        private Instant timestamp;
        private BigDecimal value;
        private ReadingSource source = ReadingSource.ERP;
        private ReadingReason reason;
        private String readBy;
        private ReadingStatus status;
        private String externalId;
        private String remark;
        private String note;
        private String unit;
        private Map<String, String> metadata = Map.of();

        private Builder(MeterId meterId, CounterId counterId, Direction direction) {
            this.meterId = meterId;
            this.counterId = counterId;
            this.direction = direction;
        }

        /** Sets the direction, when the counter implies none or another is meant. */
        public Builder direction(Direction v) { direction = v; return this; }
        /** Sets the instant, UTC. */
        public Builder at(Instant v) { timestamp = v; return this; }
        /** Sets the register value, exact, never negative. */
        public Builder value(BigDecimal v) { value = v; return this; }
        /** Sets the register value as decimal text, e.g. {@code "1234.5"}. */
        public Builder value(String v) { value = new BigDecimal(v); return this; }
        /** Sets where the reading came from. */
        public Builder source(ReadingSource v) { source = v; return this; }
        /** Sets why the reading was taken, may be null. */
        public Builder reason(ReadingReason v) { reason = v; return this; }
        /** Sets who read the meter, may be null. */
        public Builder readBy(String v) { readBy = v; return this; }
        /** Sets the status, may be null. */
        public Builder status(ReadingStatus v) { status = v; return this; }
        /** Sets the id in an external system, may be null. */
        public Builder externalId(String v) { externalId = v; return this; }
        /** Sets a remark, may be null. */
        public Builder remark(String v) { remark = v; return this; }
        /** Sets a note, may be null. */
        public Builder note(String v) { note = v; return this; }
        /** Sets the unit as given by the writer, may be null. */
        public Builder unit(String v) { unit = v; return this; }
        /** Sets free string key/value pairs, may be null. */
        public Builder metadata(Map<String, String> v) { metadata = v; return this; }

        /**
         * @return the reading
         * @throws NullPointerException if the direction, timestamp, value or source is missing
         * @throws io.metering.domain.error.InvalidRequestException if the value is negative or too large
         */
        public Reading build() {
            return new Reading(meterId, counterId, direction, timestamp, value, source, reason, readBy, status, externalId,
                    remark, note, unit, metadata);
        }
    }
}
