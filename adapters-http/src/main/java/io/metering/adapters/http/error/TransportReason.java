package io.metering.adapters.http.error;

import io.metering.domain.error.ReasonCode;

/**
 * Refusals of the HTTP edge that travel as domain exceptions, so that a route's "at readings[i]"
 * prefix and the one error table treat them as any rule's; no rule of the domain gives them. The
 * codes the edge answers on its own (401, 413, 415, ...) are {@link ErrorReasons}.
 */
public enum TransportReason implements ReasonCode {
    /** 400: a body that is not well-formed JSON of the expected shape. */
    INVALID_BODY("invalid_body");

    private final String code;

    TransportReason(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
