package io.metering.adapters.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.metering.domain.time.InstantText;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The one JSON configuration of the adapter (docs/domain.md#values-instants-days):
 * <ul>
 *   <li>numbers are read as {@link BigDecimal}, never {@code double}, so 1250.3 stays 1250.3;</li>
 *   <li>{@link BigDecimal}s are written as plain numbers without exponent or trailing zeros
 *       ({@code 1250.50} as {@code 1250.5}, {@code 1E+3} as {@code 1000});</li>
 *   <li>{@link Instant}s are written as {@code 2022-10-10T08:00:00.000Z} (UTC, milliseconds);</li>
 *   <li>dates as {@code 2022-10-10}; null fields of response DTOs are left out, while map entries
 *       (open attribute trees) are written as they are;</li>
 *   <li>a member named twice in one object ({@code {"value":70,"value":1}}) is malformed input,
 *       never resolved silently in favour of the last one.</li>
 * </ul>
 */
public final class JsonMapping {
    /** The wire format of instants. */
    public static final DateTimeFormatter INSTANT_FORMAT =
            InstantText.FORMAT;

    /** Deepest nesting of arrays and objects in a request body. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest number literal, in characters; a meter reading needs a few dozen at most. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Longest string value, in characters. */
    public static final int MAX_STRING_LENGTH = 256 * 1024;
    /** Longest property name, in characters. */
    public static final int MAX_NAME_LENGTH = 1024;
    /** Most tokens in one body: a prune keep list of 10,000 ids needs about 10,000. */
    public static final long MAX_TOKEN_COUNT = 100_000;

    /**
     * Limits on what a request body may hold, checked while parsing, before any tree or DTO is built.
     * The body size limit ({@code HttpSettings}) bounds the whole; these bound what a body of that size
     * could still make expensive: deep recursion, huge numbers (BigDecimal parsing is superlinear),
     * giant strings and names, and millions of tiny tokens each becoming a tree node. A body over a
     * limit answers 400 {@code invalid_body} ({@link io.metering.adapters.http.web.JsonBody}).
     */
    static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxTokenCount(MAX_TOKEN_COUNT)
            .build();

    private JsonMapping() {}

    /** A new mapper with this adapter's rules. */
    public static ObjectMapper create() {
        SimpleModule numbersAndInstants = new SimpleModule("metering-wire-format")
                .addSerializer(BigDecimal.class, new PlainDecimalSerializer())
                .addSerializer(Instant.class, new MillisInstantSerializer());
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(numbersAndInstants)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // which of two values the writer meant is unknowable: refuse rather than keep the last
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // null DTO fields are left out; map entries are written as they are, so open
                // attribute trees come back exactly as sent (including nulls nested in them)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
                // keeps 1250.50 as scale 2 in trees; the writer strips the zeros, so nothing is lost
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
        mapper.getFactory().setStreamReadConstraints(READ_LIMITS);
        return mapper;
    }

    /** The canonical plain form of a decimal, as JSON answers write it (also the CSV export's). */
    public static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        PlainDecimalSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(plain(value));
        }
    }

    private static final class MillisInstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        MillisInstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(InstantText.millis(value));
        }
    }
}
