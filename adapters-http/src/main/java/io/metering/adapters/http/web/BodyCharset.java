package io.metering.adapters.http.web;

import io.javalin.http.Context;
import io.metering.adapters.http.error.HttpFailure;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code charset} parameter of a request's content type. Every body this service reads is
 * UTF-8 (JSON by RFC 8259 section 8.1; the import files by docs/import-export.md), so another
 * charset answers 415 {@code unsupported_media_type} naming it, rather than decoding the body as
 * UTF-8 anyway. A charset the JVM does not know ({@code klingon}, {@code @@@}) is refused on every
 * request, with or without a body, before a route runs: Javalin decodes the query string with the
 * request's charset and silently drops the parameters it cannot decode, and
 * {@code ctx.contentType()} throws on such a charset (a 500). So the content type is read from the
 * header here.
 */
public final class BodyCharset {
    private BodyCharset() {}

    /** The raw {@code Content-Type} header; null when none was sent. */
    public static String contentType(Context ctx) {
        return ctx.header("Content-Type");
    }

    /**
     * For every request: a charset the JVM cannot decode answers 415 before anything reads the
     * request.
     *
     * @throws HttpFailure 415 {@code unsupported_media_type} naming the charset
     */
    public static void requireKnown(Context ctx) {
        charset(contentType(ctx)).filter(c -> !supported(c)).ifPresent(c -> {
            throw HttpFailure.unsupportedCharset(c);
        });
    }

    /**
     * For an operation that reads a body: any charset but UTF-8 answers 415.
     *
     * @param contentType the raw header, may be null
     * @throws HttpFailure 415 {@code unsupported_media_type} naming the charset
     */
    public static void requireUtf8(String contentType) {
        charset(contentType).filter(c -> !isUtf8(c)).ifPresent(c -> {
            throw HttpFailure.unsupportedCharset(c);
        });
    }

    /** The value of the {@code charset} parameter, without the quotes of a quoted string; empty when there is none. */
    static Optional<String> charset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                String value = p.substring(eq + 1).trim();
                boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
                return Optional.of(quoted ? value.substring(1, value.length() - 1) : value);
            }
        }
        return Optional.empty();
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    private static boolean isUtf8(String charset) {
        String c = charset.toLowerCase(Locale.ROOT);
        return c.equals("utf-8") || c.equals("utf8");
    }
}
