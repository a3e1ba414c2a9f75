package io.metering.application.service.shared;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed access to attribute values as the HTTP adapter hands them over: JSON-like trees of String,
 * Boolean, BigDecimal, null, List and Map. Every mistake is a 400 naming the attribute.
 */
public final class AttributeReader {
    /** Longest accepted text attribute. */
    public static final int MAX_TEXT = 1000;

    private AttributeReader() {}

    /** Sets one attribute on the entity's typed field, if the entity has one for that name. */
    @FunctionalInterface
    public interface TypedAttributes {
        /** @return whether {@code name} is a typed attribute (and was applied); false keeps it as sent */
        boolean apply(String name, Object value);
    }

    /**
     * The walk meters and counters share: refuses a {@code _schema} other than {@code schema}, hands
     * every attribute to {@code typed}, ignores {@code derived} ones and keeps the rest as sent over
     * {@code current}, where null removes an attribute.
     *
     * @param attributes attributes by contract name
     * @param schema the entity's {@code _schema}
     * @param current the entity's kept attributes before the change (empty on create)
     * @param derived attributes the service derives; sent values are ignored
     * @param typed applies the entity's typed attributes
     * @return the kept attributes after the change
     * @throws InvalidRequestException for a wrong {@code _schema}, attribute name or typed value
     */
    public static Map<String, Object> apply(Map<String, Object> attributes, String schema, Map<String, Object> current,
            Set<String> derived, TypedAttributes typed) {
        Object sentSchema = attributes.get("_schema");
        if (sentSchema != null && !schema.equals(sentSchema)) {
            throw invalid("_schema must be '" + schema + "'");
        }
        Map<String, Object> kept = new LinkedHashMap<>(current);
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            String name = e.getKey();
            Object v = e.getValue();
            if (typed.apply(name, v) || derived.contains(name)) {
                continue;
            }
            if (name.isEmpty() || name.length() > 100) {
                throw invalid("attribute names must be 1-100 characters");
            }
            if (v == null) {
                kept.remove(name);
            } else {
                kept.put(name, v);
            }
        }
        return kept;
    }

    public static String text(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw invalid(name + " must be a string");
        }
        if (s.length() > MAX_TEXT) {
            throw invalid(name + " is longer than " + MAX_TEXT + " characters");
        }
        return s;
    }

    /** A JSON number; numbers sent as strings are refused, as for reading values. */
    public static BigDecimal decimal(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        throw invalid(name + " must be a number");
    }

    public static <E> E code(String name, Object value, Function<String, Optional<E>> lookup, String allowed) {
        String s = text(name, value);
        if (s == null) {
            return null;
        }
        return lookup.apply(s).orElseThrow(() -> invalid(name + " must be one of " + allowed + ", not '" + s + "'"));
    }

    public static List<String> texts(String name, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(name + " must be an array of strings");
        }
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(text(name + "[]", o));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String name, Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(name + " must be an object");
        }
        return (Map<String, Object>) map;
    }

    public static List<?> array(String name, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(name + " must be an array");
        }
        return list;
    }

    public static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(RejectionReason.INVALID_PARAMETER, message);
    }
}
