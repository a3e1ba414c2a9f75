package io.metering.adapters.http.error;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of every error answer: the contract's {@code ErrorResp} ({@code message}) with the
 * machine-readable {@code reason} the contract's 400 answers carry, for every status.
 *
 * @param message what went wrong, for people
 * @param reason the reason code, e.g. {@code less_than_previous}, {@code unauthorized}
 * @param correlationId on 500 answers only: the id under which the failure is logged
 */
record ErrorBody(String message, String reason, @JsonProperty("correlation_id") String correlationId) {
    /** A body without correlation id. */
    public static ErrorBody of(String message, String reason) {
        return new ErrorBody(message, reason, null);
    }
}
