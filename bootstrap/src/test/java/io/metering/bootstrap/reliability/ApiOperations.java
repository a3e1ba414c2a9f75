package io.metering.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations the service documents in its own OpenAPI document ({@code GET /openapi.json}, which
 * {@code OpenApiDocumentTest} holds equal to the app's route table), with {@code $ref}s resolved: a
 * route added later is covered by the tests that iterate these without any change to them.
 */
final class ApiOperations {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A query or path parameter. */
    record Param(String name, String in, boolean required, JsonNode schema, String description) {}

    /** A request body: whether it is required, its schema and its documented example (missing node if none). */
    record Body(boolean required, JsonNode schema, JsonNode example) {}

    /** One documented operation. */
    record Operation(String method, String path, String id, boolean admin, boolean portal, List<Param> params, Body body) {
        boolean hasBody() {
            return body != null;
        }

        List<Param> in(String where) {
            return params.stream().filter(p -> p.in().equals(where)).toList();
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + id + ")";
        }
    }

    private final JsonNode doc;

    private ApiOperations(JsonNode doc) {
        this.doc = doc;
    }

    /** The operations of the document. */
    static List<Operation> of(JsonNode doc) {
        return new ApiOperations(doc).operations();
    }

    private List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                out.add(operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), op.getValue()));
            }
        }
        return out;
    }

    private Operation operation(String method, String path, JsonNode op) {
        boolean admin = false;
        boolean portal = false;
        for (JsonNode requirement : op.path("security")) {
            admin |= requirement.has("AdminToken");
            portal |= requirement.has("PortalToken");
        }
        List<Param> params = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = resolve(p);
            params.add(new Param(param.get("name").asText(), param.get("in").asText(), param.path("required").asBoolean(false),
                    resolve(param.path("schema")), param.path("description").asText("")));
        }
        Body body = null;
        JsonNode rb = op.path("requestBody");
        if (!rb.isMissingNode()) {
            JsonNode json = resolve(rb).path("content").path("application/json");
            body = new Body(resolve(rb).path("required").asBoolean(false), resolve(json.path("schema")), json.path("example"));
        }
        return new Operation(method, path, op.path("operationId").asText(), admin, portal, params, body);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = doc.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }

    /** Resolves a schema's {@code $ref} against a document (for nested schemas met while generating). */
    static JsonNode resolve(JsonNode doc, JsonNode schema) {
        if (schema == null) {
            return MissingNode.getInstance();
        }
        JsonNode n = schema;
        while (n.has("$ref")) {
            n = doc.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }
}
