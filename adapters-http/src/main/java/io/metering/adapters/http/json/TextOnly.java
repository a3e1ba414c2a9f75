package io.metering.adapters.http.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * Binds a free-text field ({@code reason}, {@code remark}, {@code read_by}, ...) from a JSON string
 * only. Jackson would otherwise turn {@code 42} or {@code true} into {@code "42"} and store it as
 * if sent as text. {@code null} stays null (Jackson never calls a deserializer for it). The
 * request readers answer {@link NotText} with 400 {@code invalid_parameter} naming the field.
 */
public final class TextOnly extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    /** For {@code @JsonDeserialize(using = TextOnly.class)}. */
    public TextOnly() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        throw new NotText(p);
    }

    /**
     * For the values of an object of strings (a reading's {@code metadata}): a number or boolean is
     * {@link NotText}, while an object or array stays a wrong shape of the body (400
     * {@code invalid_body}), as it answered before numbers were refused.
     */
    public static final class MapValues extends StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        /** For {@code @JsonDeserialize(contentUsing = TextOnly.MapValues.class)}. */
        public MapValues() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            if (t == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            throw new NotText(p);
        }
    }

    /** A text field sent as another JSON type; Jackson adds the field's path as it unwinds. */
    public static final class NotText extends MismatchedInputException {
        private static final long serialVersionUID = 1L;

        NotText(JsonParser p) {
            super(p, "not a JSON string", String.class);
        }
    }
}
