package io.metering.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metering.testing.Http;
import java.util.List;

/** Edits of a JSON tree at a path of member names and array indices. */
final class JsonPaths {
    private JsonPaths() {}

    static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = parent(root, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set((String) last, value);
        } else if (parent instanceof ArrayNode a && (Integer) last < a.size()) {
            a.set((Integer) last, value);
        } else {
            throw new IllegalStateException("cannot set " + path + " in " + root);
        }
    }

    static void remove(JsonNode root, List<Object> path) {
        JsonNode parent = parent(root, path);
        if (parent instanceof ObjectNode o) {
            o.remove((String) path.get(path.size() - 1));
        }
    }

    /**
     * The container of the path's last step. Objects along the path that are missing, or that noise
     * replaced with something else, are created; arrays on paths always exist (fields are only
     * collected through present array items).
     */
    private static JsonNode parent(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            boolean wantArray = path.get(i + 1) instanceof Integer;
            JsonNode next = step instanceof String k ? n.get(k) : n.get((Integer) step);
            if (next == null || (wantArray ? !next.isArray() || next.isEmpty() : !next.isObject())) {
                JsonNode fresh = wantArray ? Http.JSON.createArrayNode().add(Http.JSON.createObjectNode()) : Http.JSON.createObjectNode();
                if (n instanceof ObjectNode o && step instanceof String k) {
                    o.set(k, fresh);
                } else if (n instanceof ArrayNode a && step instanceof Integer idx && idx < a.size()) {
                    a.set(idx, fresh);
                } else {
                    throw new IllegalStateException("cannot reach " + path + " in " + root);
                }
                next = fresh;
            }
            n = next;
        }
        return n;
    }
}
