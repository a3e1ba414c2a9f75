package io.metering.application.port.in.batch;

import io.metering.domain.code.WireCodes;
import java.util.Optional;

/** What a v2 batch item does (contract schema {@code BatchReading}, field {@code operation}). */
public enum BatchOperation {
    /** Upsert: insert, or replace the one stored reading the identifiers match. The default. */
    CREATE("create"),
    /** Replace the one stored reading the identifiers match; none is a 404. */
    UPDATE("update"),
    /** Delete the one stored reading the identifiers match; none is a 404. */
    DELETE("delete");

    private final String code;

    BatchOperation(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    private static final WireCodes<BatchOperation> BY_CODE = WireCodes.of(values(), o -> o.code);

    /** @return the operation for a wire value, or empty if unknown */
    public static Optional<BatchOperation> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
