package io.metering.application.model;

import io.metering.domain.code.WireCodes;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every type of change event, with its CloudEvents {@code type} (docs/events.md "Types"). A change
 * of several readings records one event per reading, except a bulk import, which records one
 * {@link #READINGS_IMPORTED} per committed chunk.
 */
public enum ChangeEventType {
    READING_CREATED("io.metering.reading.created"),
    READING_UPDATED("io.metering.reading.updated"),
    READING_DELETED("io.metering.reading.deleted"),
    READING_MARKED_IMPLAUSIBLE("io.metering.reading.marked_implausible"),
    READING_MARKED_VALID("io.metering.reading.marked_valid"),
    READINGS_IMPORTED("io.metering.readings.imported"),
    CHANGESET_CREATED("io.metering.changeset.created"),
    CHANGESET_UPDATED("io.metering.changeset.updated"),
    CHANGESET_APPLIED("io.metering.changeset.applied"),
    CHANGESET_DISMISSED("io.metering.changeset.dismissed"),
    METER_CREATED("io.metering.meter.created"),
    METER_UPDATED("io.metering.meter.updated"),
    METER_DELETED("io.metering.meter.deleted"),
    COUNTER_CREATED("io.metering.counter.created"),
    COUNTER_UPDATED("io.metering.counter.updated"),
    COUNTER_DELETED("io.metering.counter.deleted");

    private final String wireName;

    ChangeEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The CloudEvents {@code type}. */
    public String wireName() {
        return wireName;
    }

    private static final WireCodes<ChangeEventType> BY_WIRE_NAME = WireCodes.of(values(), t -> t.wireName);

    /** The type of a CloudEvents {@code type}, if it is one of ours. */
    public static Optional<ChangeEventType> ofWireName(String name) {
        return BY_WIRE_NAME.find(name);
    }

    /** Every CloudEvents {@code type}, comma-separated, for the message that refuses an unknown one. */
    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(ChangeEventType::wireName).toList());
    }
}
