package io.metering.domain.meter;

import java.util.Arrays;
import java.util.Optional;

/** Lifecycle status of a meter (contract schema {@code Meter.status}). */
public enum MeterStatus {
    ACTIVE("active"),
    /** No readings may be written to a decommissioned meter (reason {@code meter_decommissioned}). */
    DECOMMISSIONED("decommissioned");

    private final String code;

    MeterStatus(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    /** @return the status for a wire value, or empty if unknown */
    public static Optional<MeterStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
