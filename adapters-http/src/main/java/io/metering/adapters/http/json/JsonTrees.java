package io.metering.adapters.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.adapters.http.error.TransportReason;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed JSON into the plain values the application's open attribute maps take: String,
 * Boolean, BigDecimal (for every number, integer or not), null, List and Map in document order.
 */
public final class JsonTrees {
    /**
     * Largest magnitude of a decimal exponent accepted anywhere. Far beyond any meter value; it
     * stops {@code 1e999999999}, which is short to send but whose plain form would be a gigabyte.
     */
    static final int MAX_EXPONENT = 100;

    private JsonTrees() {}

    /**
     * @param node a JSON object
     * @param what what the object is, for messages (e.g. {@code request body})
     * @return its members as plain values
     * @throws InvalidRequestException {@code invalid_body} if the node is not an object,
     *     {@code invalid_value} for numbers of absurd size
     */
    public static Map<String, Object> object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException(TransportReason.INVALID_BODY, what + " must be a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            out.put(e.getKey(), plain(e.getValue(), e.getKey()));
        }
        return out;
    }

    /**
     * A JSON number as an exact decimal.
     *
     * @param node a numeric node
     * @param field the field name for messages
     * @throws InvalidRequestException {@code invalid_value} for numbers of absurd size
     */
    public static BigDecimal decimal(JsonNode node, String field) {
        BigDecimal d = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
        if (Math.abs((long) d.scale()) > MAX_EXPONENT || d.precision() - (long) d.scale() > MAX_EXPONENT) {
            throw new InvalidRequestException(RejectionReason.INVALID_VALUE, field + " is not a number of supported size");
        }
        return d;
    }

    private static Object plain(JsonNode node, String path) {
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
            return decimal(node, path);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                list.add(plain(node.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                map.put(e.getKey(), plain(e.getValue(), path + "." + e.getKey()));
            }
            return map;
        }
        throw new InvalidRequestException(TransportReason.INVALID_BODY, path + " holds an unsupported JSON value");
    }
}
