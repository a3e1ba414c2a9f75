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
    /** 406: an {@code Accept} header that admits none of the types the operation answers. */
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    /** 413: a request larger than the service accepts. */
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    /** 415: a request whose content type the operation does not read. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    /** 400: a body that is not JSON of the expected shape. */
    public static final String INVALID_BODY = TransportReason.INVALID_BODY.code();
    /** 500. */
    public static final String INTERNAL_ERROR = "internal_error";
    /** 410: a change event feed cursor older than the retention period (docs/events.md "Retention"). */
    public static final String CURSOR_EXPIRED = "cursor_expired";
    /** 503: the JWK set of the token signing keys cannot be fetched. */
    public static final String KEYS_UNAVAILABLE = "keys_unavailable";
    /** 503 on {@code /ready}. */
    public static final String NOT_READY = "not_ready";
    /** 503 on {@code /health}: the process cannot heal itself and needs a restart. */
    public static final String NOT_LIVE = "not_live";
    /** 503: the database cannot be reached now; retry later. */
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";

    /** 400 before any route: a request Jetty cannot parse (malformed URI, header or encoding). */
    public static final String MALFORMED_REQUEST = "malformed_request";
    /** 414: the request line is longer than Jetty takes. */
    public static final String URI_TOO_LONG = "uri_too_long";
    /** 431: the request headers are larger than Jetty takes. */
    public static final String HEADERS_TOO_LARGE = "request_header_fields_too_large";

    private ErrorReasons() {}

    /**
     * The reason code of a status without a more specific one. Every code it gives is listed in the
     * OpenAPI document: a refusal of Jetty's with another 4xx status is {@link #MALFORMED_REQUEST}.
     */
    public static String forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
        };
    }
}
