package io.metering.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.metering.bootstrap.reliability.ApiOperations.Operation;
import io.metering.bootstrap.reliability.ApiOperations.Param;
import io.metering.testing.Http;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The valid starting point of a generated request: the {@link Fixture}'s ids in the path, required
 * query parameters with good values, and the documented example body with the fixture's ids (or a
 * body synthesized from the schema where the document gives no example), with an admin or portal
 * token as the operation admits.
 */
final class ValidRequests {
    private final Schemas schemas;
    private final Fixture fx;

    ValidRequests(Schemas schemas, Fixture fx) {
        this.schemas = schemas;
        this.fx = fx;
    }

    /** A request that the operation would accept: fixture ids, required parameters, the example body. */
    RequestDraft request(Operation op, Random random) {
        RequestDraft d = new RequestDraft();
        d.token = op.portal() && (!op.admin() || random.nextBoolean()) ? fx.portalToken() : fx.adminToken();
        for (Param p : op.in("path")) {
            d.path.put(p.name(), validPathValue(op, p));
        }
        for (Param p : op.in("query")) {
            if (p.required()) {
                d.setQuery(p.name(), validQueryValue(op, p));
            }
        }
        if (op.hasBody()) {
            d.body = body(op);
        }
        return d;
    }

    private String validPathValue(Operation op, Param p) {
        boolean changesets = op.path().contains("/changesets");
        return switch (p.name()) {
            case "meter_id" -> changesets ? fx.governedMeter() : fx.meter();
            case "counter_id" -> changesets ? fx.governedCounter() : fx.counter();
            case "changeset_id" -> fx.changeset();
            case "contract_id" -> fx.contract();
            case "id" -> op.path().contains("/counters/{id}") ? fx.counter() : fx.meter();
            default -> p.schema().has("enum") ? p.schema().get("enum").get(0).asText() : UUID.randomUUID().toString();
        };
    }

    private String validQueryValue(Operation op, Param p) {
        if (p.name().equals("meter_id")) {
            return fx.meter();
        }
        if (Schemas.isDate(p.name())) {
            return "2024-05-03T00:00:00.000Z";
        }
        String t = Schemas.type(p.schema());
        if (p.schema().has("enum")) {
            return p.schema().get("enum").get(0).asText();
        }
        return "boolean".equals(t) ? "false" : "integer".equals(t) ? "1" : "x";
    }

    /** The documented example with the fixture's ids, else a body synthesized from the schema. */
    JsonNode body(Operation op) {
        JsonNode example = op.body().example();
        JsonNode body = example.isMissingNode() || example.isNull() ? synthesize(op.body().schema(), 0) : example.deepCopy();
        substituteIds(op, body);
        return body;
    }

    private JsonNode synthesize(JsonNode schemaRef, int depth) {
        JsonNode schema = schemas.schema(schemaRef);
        String t = Schemas.type(schema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0).deepCopy();
        }
        if ("object".equals(t) && depth < 4) {
            ObjectNode o = Http.JSON.createObjectNode();
            schema.path("properties").fields().forEachRemaining(e -> {
                if (!e.getKey().startsWith("_")) {
                    o.set(e.getKey(), synthesize(e.getValue(), depth + 1));
                }
            });
            return o;
        }
        if ("array".equals(t) && depth < 4) {
            ArrayNode a = Http.JSON.createArrayNode();
            a.add(synthesize(schema.path("items"), depth + 1));
            return a;
        }
        if ("number".equals(t) || "integer".equals(t)) {
            return Http.JSON.getNodeFactory().numberNode(1250);
        }
        if ("boolean".equals(t)) {
            return Http.JSON.getNodeFactory().booleanNode(false);
        }
        if ("date-time".equals(schema.path("format").asText())) {
            return TextNode.valueOf("2024-06-01T07:30:00.000Z");
        }
        return TextNode.valueOf("text");
    }

    private void substituteIds(Operation op, JsonNode node) {
        boolean changesets = op.path().contains("/changesets");
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            Iterator<String> names = o.fieldNames();
            List<String> keys = new ArrayList<>();
            names.forEachRemaining(keys::add);
            for (String k : keys) {
                switch (k) {
                    case "meter_id", "meterId" -> o.put(k, changesets ? fx.governedMeter() : fx.meter());
                    case "counter_id", "counterId" -> o.put(k, changesets ? fx.governedCounter() : fx.counter());
                    case "ma_lo_id" -> o.put(k, Fixture.MA_LO_ID);
                    default -> substituteIds(op, o.get(k));
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> substituteIds(op, n));
        }
    }
}
