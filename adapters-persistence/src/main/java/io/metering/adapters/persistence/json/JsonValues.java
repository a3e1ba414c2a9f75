package io.metering.adapters.persistence.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text of {@code jsonb} columns and the plain Java values the domain keeps in attribute maps
 * (String, Boolean, BigDecimal, null, List, Map - see {@code Meter#attributes()}).
 *
 * <p>Numbers are exact both ways: every JSON number becomes a {@link BigDecimal} with the digits
 * and scale PostgreSQL stored ({@code jsonb} keeps numbers as {@code numeric}), never a double.
 */
public final class JsonValues {
    /** Keeps decimals exact: no double on the way in, no normalization of the scale. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private JsonValues() {}

    /** @return the JSON text of a tree */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * @param text JSON text, may be null
     * @return the tree, or null for null text
     * @throws IllegalStateException if the text is not JSON (stored documents always are)
     */
    public static JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new empty array node. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /**
     * The JSON text of an attribute map.
     *
     * @throws IllegalArgumentException if a value is not a JSON-like Java value
     */
    public static String writeMap(Map<String, Object> map) {
        return write(toNode(map));
    }

    /** The attribute map of JSON object text (insertion order of the stored object). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(String text) {
        JsonNode node = read(text);
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalStateException("stored attributes are not a JSON object");
        }
        return (Map<String, Object>) toJava(node);
    }

    /** A string-to-string map as JSON text (reading metadata). */
    public static String writeStrings(Map<String, String> map) {
        ObjectNode node = object();
        map.forEach(node::put);
        return write(node);
    }

    /** The string-to-string map of JSON object text; JSON null values stay null. */
    public static Map<String, String> readStrings(String text) {
        JsonNode node = read(text);
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null) {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        }
        return out;
    }

    /**
     * Converts a JSON-like Java value to a tree. Integral boxed numbers are accepted too; binary
     * floating point is converted through its shortest decimal form.
     *
     * @throws IllegalArgumentException for any other type
     */
    public static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String s) {
            return NODES.textNode(s);
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof BigDecimal d) {
            return DecimalNode.valueOf(d);
        }
        if (value instanceof BigInteger i) {
            return DecimalNode.valueOf(new BigDecimal(i));
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return DecimalNode.valueOf(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            return DecimalNode.valueOf(new BigDecimal(value.toString()));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode node = object();
            map.forEach((k, v) -> node.set(String.valueOf(k), toNode(v)));
            return node;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode node = array();
            items.forEach(v -> node.add(toNode(v)));
            return node;
        }
        throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }

    /** Converts a tree to JSON-like Java values; every number becomes an exact BigDecimal. */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            node.forEach(item -> out.add(toJava(item)));
            return out;
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.properties().forEach(e -> out.put(e.getKey(), toJava(e.getValue())));
            return out;
        }
        throw new IllegalStateException("unexpected JSON node " + node.getNodeType());
    }

    /** The text of a field, or null when absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
