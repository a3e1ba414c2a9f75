package io.metering.adapters.http.json;

import io.metering.application.model.FieldChange;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Uuids;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads a JSON object body of entity attributes ({@link JsonTrees} values: String, Boolean,
 * BigDecimal, null, List, Map) into typed values: the walk meters and counters share, and the type
 * of each value. Every mistake is a 400 {@code invalid_parameter} naming the attribute.
 */
public final class AttributeValues {
    /** Longest accepted text attribute. */
    public static final int MAX_TEXT = 1000;
    /** Longest accepted attribute name. */
    static final int MAX_NAME = 100;

    private AttributeValues() {}

    /** Takes one attribute the entity names; the others are extra attributes. */
    @FunctionalInterface
    public interface NamedAttributes {
        /** @return whether {@code name} is a named attribute (and was taken); false keeps it as an extra */
        boolean take(String name, Object value);
    }

    /** Takes one extra attribute, null meaning remove it. */
    @FunctionalInterface
    public interface ExtraAttributes {
        void take(String name, Object value);
    }

    /**
     * Refuses a {@code _schema} other than {@code schema}, hands every attribute in body order to
     * {@code named}, ignores {@code derived} ones and hands the rest to {@code extras}.
     *
     * @throws InvalidRequestException for a wrong {@code _schema}, attribute name or typed value
     */
    public static void walk(Map<String, Object> body, String schema, Set<String> derived, NamedAttributes named,
            ExtraAttributes extras) {
        Object sentSchema = body.get("_schema");
        if (sentSchema != null && !schema.equals(sentSchema)) {
            throw invalid("_schema must be '" + schema + "'");
        }
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String name = e.getKey();
            if (named.take(name, e.getValue()) || derived.contains(name)) {
                continue;
            }
            if (name.isEmpty() || name.length() > MAX_NAME) {
                throw invalid("attribute names must be 1-" + MAX_NAME + " characters");
            }
            extras.take(name, e.getValue());
        }
    }

    /** What a sent value does to a field: null clears it, else it is set to the read value. */
    public static <T> FieldChange<T> change(Object value, Function<Object, T> read) {
        return value == null ? FieldChange.clear() : FieldChange.set(read.apply(value));
    }

    /** A client-chosen id ({@code _id}): a UUID text, or null when none is given. */
    public static UUID id(Object value) {
        String text = text("_id", value);
        return text == null ? null : Uuids.parse(text).orElseThrow(() -> invalid("_id must be a UUID"));
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
