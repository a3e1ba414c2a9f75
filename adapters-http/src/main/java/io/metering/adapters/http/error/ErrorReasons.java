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
    /** 503: the JWK set of the token signing keys cannot be fetched. */
    public static final String KEYS_UNAVAILABLE = "keys_unavailable";
    /** 503 on {@code /ready}. */
    public static final String NOT_READY = "not_ready";
    /** 503 on {@code /health}: the process cannot heal itself and needs a restart. */
    public static final String NOT_LIVE = "not_live";
    /** 503: the database cannot be reached now; retry later. */
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";

    private ErrorReasons() {}

    /**
     * The reason code of a status without a more specific one, from its standard name
     * ({@code 431} is {@code request_header_fields_too_large}).
     */
    public static String forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR
                    : io.javalin.http.HttpStatus.forStatus(status).getMessage().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        };
    }
}
