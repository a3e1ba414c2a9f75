package io.metering.domain.reading;

import io.metering.domain.code.WireCodes;
import java.util.Optional;

/**
 * Status of a stored reading (contract schema {@code ReadingStatus}); a reading may also have none.
 * {@link #IMPLAUSIBLE} readings are kept and shown but take no part in ordering checks, allowed
 * ranges or consumption (docs/domain.md#reading-the-series).
 */
public enum ReadingStatus {
    VALID("valid"),
    IN_VALIDATION("in-validation"),
    IMPLAUSIBLE("implausible");

    private final String code;

    ReadingStatus(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    private static final WireCodes<ReadingStatus> BY_CODE = WireCodes.of(values(), s -> s.code);

    /** @return the status for a wire value, or empty if unknown (also for {@code ""}) */
    public static Optional<ReadingStatus> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
