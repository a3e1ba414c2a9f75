package io.metering.domain.error;

/**
 * Machine-readable reason codes carried by every rejected request as {@code reason}.
 *
 * <p>The first group is taken verbatim from the Metering API 1.2.0 contract's error responses; the
 * second group is this product's own, for rules docs/domain.md adds ("Writing readings") and for input
 * the contract leaves unspecified. Refusals of the transport alone (size limits, media types,
 * unparsable requests) are the HTTP adapter's ({@code ErrorReasons}), not rules of the domain.
 */
public enum RejectionReason {
    // --- codes of the contract ---
    MISSING_PARAMS("missing_params"),
    CONTRACT_PERIOD("contract_period"),
    NO_COUNTER("no_counter"),
    NO_DIRECTION("no_direction"),
    TIMESTAMP_FUTURE("timestamp_future"),
    LESS_THAN_PREVIOUS("less_than_previous"),
    GREATER_THAN_SUBSEQUENT("greater_than_subsequent"),
    METER_DECOMMISSIONED("meter_decommissioned"),
    TOO_MANY_RECORDS("too_many_records"),
    DUPLICATE_READING("duplicate_reading"),
    INVALID_IDENTIFIERS("invalid_identifiers"),
    MULTIPLE_READINGS_FOUND("multiple_readings_found"),

    // --- codes of this product ---
    /** A cumulative register value below zero (docs/domain.md#writing-readings). */
    NEGATIVE_VALUE("negative_value"),
    /** A number that is not a finite decimal of supported size. */
    INVALID_VALUE("invalid_value"),
    /** A timestamp or date that cannot be read, or a local time that is ambiguous or does not exist. */
    INVALID_TIMESTAMP("invalid_timestamp"),
    /**
     * A reading timestamp before the meter's installation date, or before the earliest plausible
     * instant where none is known (docs/domain.md#plausible-dates).
     */
    TIMESTAMP_TOO_EARLY("timestamp_too_early"),
    /** A reading direction that contradicts the direction declared on its counter. */
    DIRECTION_MISMATCH("direction_mismatch"),
    /** A value at or above the declared register capacity. */
    EXCEEDS_REGISTER_CAPACITY("exceeds_register_capacity"),
    /** A parameter or field whose value is not allowed (wrong enum value, bad range, wrong type). */
    INVALID_PARAMETER("invalid_parameter"),
    /** A body that is not well-formed JSON of the expected shape. */
    INVALID_BODY("invalid_body"),
    /** An option the caller's kind of token may not use (portal users and admin-only options). */
    FORBIDDEN_OPTION("forbidden_option"),
    /** The resource does not exist or is outside the caller's reach. */
    NOT_FOUND("not_found"),
    /** The request conflicts with the current state (e.g. a counter id used twice). */
    CONFLICT("conflict"),
    /**
     * A counter change that would re-key or reinterpret the readings it holds (direction, unit);
     * allowed only while the counter has no readings.
     */
    COUNTER_HAS_READINGS("counter_has_readings"),
    /**
     * A decommissioning whose instant lies before a stored reading of the meter: that reading could
     * never be corrected or removed again (docs/domain.md#decommissioned-meters).
     */
    READINGS_AFTER_DECOMMISSIONING("readings_after_decommissioning"),
    /**
     * An import names a meter or counter by a key of the user's (MaLo id, MeLo id, meter number,
     * OBIS code) that names none in the organization (docs/import-export.md).
     */
    UNKNOWN_KEY("unknown_key"),
    /** An import's key names more than one meter or counter, e.g. two meters with one meter number (docs/import-export.md). */
    AMBIGUOUS_KEY("ambiguous_key"),
    /** An import file of a format, or a message of a type, the service does not read (docs/import-export.md). */
    UNSUPPORTED_FORMAT("unsupported_format"),
    /**
     * A webhook URL the service will not call: not HTTPS, with credentials, or a host that resolves
     * to a private address and is not listed by the operator (docs/webhooks.md "Outbound protection").
     */
    WEBHOOK_URL_REFUSED("webhook_url_refused");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    /** The wire code, e.g. {@code less_than_previous}. */
    public String code() {
        return code;
    }
}
