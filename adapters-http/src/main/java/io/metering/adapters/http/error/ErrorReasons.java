package io.metering.adapters.http.error;

import io.metering.domain.error.RejectionReason;

/**
 * Reason codes of answers the HTTP layer gives on its own. Codes shared with the domain are taken
 * from {@link RejectionReason} so that both sides spell them alike.
 */
public final class ErrorReasons {
    /** 401: no, malformed, expired or wrongly signed bearer token. */
    public static final String UNAUTHORIZED = "unauthorized";
    /** 404: no such route, or a resource outside the caller's reach. */
    public static final String NOT_FOUND = RejectionReason.NOT_FOUND.code();
    /** 405: the path exists, the method does not. */
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    /** 413. */
    public static final String PAYLOAD_TOO_LARGE = RejectionReason.PAYLOAD_TOO_LARGE.code();
    /** 415. */
    public static final String UNSUPPORTED_MEDIA_TYPE = RejectionReason.UNSUPPORTED_MEDIA_TYPE.code();
    /** 400: a body that is not JSON of the expected shape. */
    public static final String INVALID_BODY = RejectionReason.INVALID_BODY.code();
    /** 500. */
    public static final String INTERNAL_ERROR = "internal_error";
    /** 503 on {@code /ready}. */
    public static final String NOT_READY = "not_ready";

    private ErrorReasons() {}
}
