package io.metering.adapters.http.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one JSON configuration of the adapter (DOMAIN.md "Values, instants, days"):
 * <ul>
 *   <li>numbers are read as {@link BigDecimal}, never {@code double}, so 1250.3 stays 1250.3;</li>
 *   <li>{@link BigDecimal}s are written as plain numbers without exponent or trailing zeros
 *       ({@code 1250.50} as {@code 1250.5}, {@code 1E+3} as {@code 1000});</li>
 *   <li>{@link Instant}s are written as {@code 2022-10-10T08:00:00.000Z} (UTC, milliseconds);</li>
 *   <li>dates as {@code 2022-10-10}; null fields of response DTOs are left out, while map entries
 *       (open attribute trees) are written as they are.</li>
 * </ul>
 */
public final class JsonMapping {
    /** The wire format of instants. */
    public static final DateTimeFormatter INSTANT_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

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
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // null DTO fields are left out; map entries are written as they are, so open
                // attribute trees come back exactly as sent (including nulls nested in them)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
                // keeps 1250.50 as scale 2 in trees; the writer strips the zeros, so nothing is lost
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
        // a body is at most ~1 MiB; deep nesting in open attribute maps is still refused early
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        return mapper;
    }

    /** Writes the canonical plain form of a decimal. */
    static String plain(BigDecimal value) {
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
            gen.writeString(INSTANT_FORMAT.format(value));
        }
    }
}
