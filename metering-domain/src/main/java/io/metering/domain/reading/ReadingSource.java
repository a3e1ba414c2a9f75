package io.metering.domain.reading;

import io.metering.domain.code.WireCodes;
import java.util.Optional;

/** Where a reading came from (contract schema {@code Source}). */
public enum ReadingSource {
    /** The end customer portal. */
    ECP("ECP"),
    /** A back-office ERP; its writes are direct confirmations (docs/domain.md#changesets). */
    ERP("ERP"),
    /** The administrators' application. */
    APP_360("360"),
    /** A journey (form) submission. */
    JOURNEY_SUBMISSION("journey-submission");

    private final String code;

    ReadingSource(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    private static final WireCodes<ReadingSource> BY_CODE = WireCodes.of(values(), s -> s.code);

    /** @return the source for a wire value, or empty if unknown */
    public static Optional<ReadingSource> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
