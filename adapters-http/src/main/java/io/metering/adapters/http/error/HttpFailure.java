package io.metering.adapters.http.error;

import java.util.Objects;

/**
 * A request the HTTP layer itself refuses before any use case runs: an oversized body (413), a
 * body in a content type or coding the operation does not read (415), an {@code Accept} header that
 * admits none of the types it answers (406), or a token that cannot be checked because the signing
 * keys are unavailable (503). Mapped in {@link ErrorMapping}.
 */
public final class HttpFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String reason;

    private HttpFailure(int status, String reason, String message) {
        super(Objects.requireNonNull(message), null, false, false);
        this.status = status;
        this.reason = reason;
    }

    /**
     * 410 {@code cursor_expired}: the change event feed purged events after the cursor
     * (docs/events.md "Retention").
     */
    public static HttpFailure cursorExpired(String message) {
        return new HttpFailure(410, ErrorReasons.CURSOR_EXPIRED, message);
    }

    /** 413 {@code payload_too_large}. */
    public static HttpFailure payloadTooLarge(long limit) {
        return new HttpFailure(413, ErrorReasons.PAYLOAD_TOO_LARGE, "request body is larger than " + limit + " bytes");
    }

    /** 415 {@code unsupported_media_type}. */
    public static HttpFailure unsupportedMediaType(String sent) {
        return unsupportedMediaType(sent, "application/json");
    }

    /**
     * 415 {@code unsupported_media_type} of an operation that reads other types.
     *
     * @param reads the types it reads, in words
     */
    public static HttpFailure unsupportedMediaType(String sent, String reads) {
        String shown = sent == null || sent.isBlank() ? "no content type" : "content type '" + abbreviate(sent) + "'";
        return new HttpFailure(415, ErrorReasons.UNSUPPORTED_MEDIA_TYPE, "this operation reads " + reads + "; the request has " + shown);
    }

    /**
     * 415 {@code unsupported_media_type} for a body in another charset than UTF-8, the only one any
     * operation reads (JSON: RFC 8259 section 8.1).
     *
     * @param charset the charset parameter as sent
     */
    public static HttpFailure unsupportedCharset(String charset) {
        return new HttpFailure(415, ErrorReasons.UNSUPPORTED_MEDIA_TYPE,
                "request bodies must be UTF-8; the request's content type names charset '" + abbreviate(charset) + "'");
    }

    /**
     * 406 {@code not_acceptable}: the request's {@code Accept} header admits none of the types the
     * operation answers.
     *
     * @param accept the header as sent
     * @param answers the types the operation answers, in words
     */
    public static HttpFailure notAcceptable(String accept, String answers) {
        return new HttpFailure(406, ErrorReasons.NOT_ACCEPTABLE, "this operation answers " + answers
                + "; the request's Accept header '" + abbreviate(accept) + "' admits neither");
    }

    /**
     * 415 {@code unsupported_media_type} for a request body in a {@code Content-Encoding} the service
     * does not decode (it decodes {@code gzip}).
     *
     * @param coding the header as sent
     */
    public static HttpFailure unsupportedEncoding(String coding) {
        return new HttpFailure(415, ErrorReasons.UNSUPPORTED_MEDIA_TYPE,
                "request bodies are read as sent or gzip-compressed; the request's Content-Encoding is '" + abbreviate(coding) + "'");
    }

    /**
     * 503 {@code keys_unavailable}: the JWK set that holds the token's key cannot be fetched and no
     * earlier copy is cached, so the token can be neither accepted nor refused.
     */
    public static HttpFailure keysUnavailable() {
        return new HttpFailure(503, ErrorReasons.KEYS_UNAVAILABLE,
                "the keys that verify bearer tokens are unavailable right now; retry later");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The reason code. */
    public String reason() {
        return reason;
    }
}
