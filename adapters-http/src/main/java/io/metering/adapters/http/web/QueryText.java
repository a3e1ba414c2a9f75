package io.metering.adapters.http.web;

import io.javalin.http.Context;
import io.metering.adapters.http.json.StorableText;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses query strings the service cannot read faithfully: malformed percent-escapes or invalid
 * UTF-8 (the parser silently dropped {@code ma_lo_id=%zz}, so a filter vanished and every meter was
 * listed), and names or values holding text the service cannot store or compare
 * ({@link StorableText}: a NUL in a search filter made PostgreSQL fail the query with 500, and
 * {@code true%00} read as {@code true} once trimmed). {@link Guard} runs it for every operation,
 * after authentication, so that 401 and 403 still come first.
 */
final class QueryText {
    private QueryText() {}

    /** @throws InvalidRequestException {@code invalid_parameter} naming the parameter */
    public static void check(Context ctx) {
        String raw = ctx.queryString();
        if (raw != null && !isWellFormed(raw)) {
            // the parser drops or garbles such parameters silently; a filter must not vanish unnoticed
            throw invalid("the query string is not valid percent-encoded UTF-8");
        }
        for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
            Optional<String> inName = StorableText.problem(p.getKey());
            if (inName.isPresent()) {
                throw invalid("a query parameter name " + inName.get());
            }
            for (String value : p.getValue()) {
                Optional<String> inValue = StorableText.problem(value);
                if (inValue.isPresent()) {
                    throw invalid("query parameter " + Params.shown(p.getKey()) + " " + inValue.get());
                }
            }
        }
    }

    /** Whether every {@code %} starts a two-digit hex escape and the escapes decode to valid UTF-8. */
    static boolean isWellFormed(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return false;
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(RejectionReason.INVALID_PARAMETER, message);
    }
}
