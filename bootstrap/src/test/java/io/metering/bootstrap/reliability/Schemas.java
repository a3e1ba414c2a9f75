package io.metering.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.bootstrap.reliability.ApiOperations.Operation;
import io.metering.bootstrap.reliability.ApiOperations.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the API document says about parameters and body fields, as far as generating wrong values
 * needs: types, formats, enums, and which declared fields the service actually checks.
 */
final class Schemas {
    /**
     * Fields and parameters the service reads as instants or dates (the document leaves their
     * format open because both dates and date-times are accepted); other text, such as a meter's
     * {@code calibration_date}, is kept as sent.
     */
    private static final Set<String> DATE_NAMES = Set.of("timestamp", "start_date", "end_date", "readingDate");

    /**
     * Declared attributes the service keeps as opaque JSON, exactly as sent: no value of them is
     * wrong, so they are no place for a fault (they still get noise).
     */
    private static final Set<String> OPAQUE = Set.of("journey_actions");

    /** A declared field of a body: its path (keys and indices), name and schema. */
    record Field(List<Object> path, String name, JsonNode schema) {}

    private final JsonNode doc;

    Schemas(JsonNode doc) {
        this.doc = doc;
    }

    /** The typed fields the schema declares along the body (array items: the first), present or not. */
    List<Field> fields(Operation op, JsonNode body) {
        List<Field> out = new ArrayList<>();
        collect(body, schema(op.body().schema()), new ArrayList<>(), null, out);
        return out;
    }

    private void collect(JsonNode value, JsonNode schema, List<Object> path, String name, List<Field> out) {
        JsonNode s = schema(schema);
        String t = type(s);
        if (!path.isEmpty() && t != null) {
            out.add(new Field(List.copyOf(path), name, s));
        }
        if ("object".equals(t) && (value == null || value.isObject())) {
            s.path("properties").fields().forEachRemaining(e -> {
                if ((e.getKey().startsWith("_") && !e.getKey().equals("_title")) || OPAQUE.contains(e.getKey())) {
                    return;
                }
                path.add(e.getKey());
                collect(value == null ? null : value.get(e.getKey()), e.getValue(), path, e.getKey(), out);
                path.remove(path.size() - 1);
            });
        } else if ("array".equals(t) && value != null && value.isArray() && !value.isEmpty()) {
            path.add(0);
            collect(value.get(0), s.path("items"), path, name, out);
            path.remove(path.size() - 1);
        }
    }

    /** The schema with {@code $ref} and a single {@code allOf} resolved. */
    JsonNode schema(JsonNode schema) {
        JsonNode s = ApiOperations.resolve(doc, schema);
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return ApiOperations.resolve(doc, s.get("allOf").get(0));
        }
        return s;
    }

    /** The JSON type a schema declares, inferred from {@code enum} or {@code properties} when not stated. */
    static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        return schema.has("enum") ? "string" : schema.has("properties") ? "object" : null;
    }

    /** The type class of a query parameter whose values can be wrong ({@code boolean, integer, enum, date, uuid}), null for free text. */
    String typed(Param p) {
        JsonNode s = schema(p.schema());
        if (s.has("enum")) {
            return "enum";
        }
        String t = type(s);
        if ("boolean".equals(t) || "integer".equals(t)) {
            return t;
        }
        if (isDate(p.name())) {
            return "date";
        }
        return "uuid".equals(s.path("format").asText()) ? "uuid" : null;
    }

    static boolean isDate(String name) {
        return name != null && DATE_NAMES.contains(name);
    }

    /** Path parameters naming a resource that must exist (documented as UUIDs) or one of a fixed set. */
    static boolean mustExist(Param p) {
        return p.schema().has("enum") || p.description().contains("(UUID)");
    }
}
