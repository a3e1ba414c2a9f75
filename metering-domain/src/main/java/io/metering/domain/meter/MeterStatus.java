package io.metering.domain.meter;

import io.metering.domain.code.WireCodes;
import java.util.Optional;

/** Lifecycle status of a meter (contract schema {@code Meter.status}). */
public enum MeterStatus {
    ACTIVE("active"),
    /**
     * Closed at its decommissioning instant: nothing after it may be written (reason {@code
     * meter_decommissioned}); admins may still correct readings up to it
     * ({@link MeterLifecycle#closedAt}, docs/domain.md#decommissioned-meters).
     */
    DECOMMISSIONED("decommissioned");

    private final String code;

    MeterStatus(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    private static final WireCodes<MeterStatus> BY_CODE = WireCodes.of(values(), s -> s.code);

    /** @return the status for a wire value, or empty if unknown */
    public static Optional<MeterStatus> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
