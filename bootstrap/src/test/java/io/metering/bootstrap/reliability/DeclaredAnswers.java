package io.metering.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the service's own OpenAPI document declares an operation may answer: its statuses, and for
 * each error status the {@code reason} codes. An error response whose schema narrows
 * {@code reason} to a list declares that list; one that does not (the general 400) declares every
 * code of {@code Error.reason} that no narrowed response of the document claims for its own status.
 * Requests the document has no operation for (another method, an unknown path) may answer only
 * what its description promises for them: 404 {@code not_found}, 405 {@code method_not_allowed},
 * or the refusals before routing (400 {@code malformed_request}, 414, 431).
 */
final class DeclaredAnswers {
    private final JsonNode doc;
    private final Set<String> allReasons = new HashSet<>();
    private final Set<String> claimed = new HashSet<>();

    DeclaredAnswers(JsonNode doc) {
        this.doc = doc;
        doc.at("/components/schemas/Error/properties/reason/enum").forEach(n -> allReasons.add(n.asText()));
        doc.at("/components/responses").forEach(r -> narrowedReasons(r).ifPresent(claimed::addAll));
        doc.path("paths").forEach(item -> item.forEach(op -> op.path("responses").forEach(r -> narrowedReasons(r).ifPresent(claimed::addAll))));
    }

    /**
     * @param operation the operation's method and path template ("GET /v1/metering/meter/{id}"),
     *     or a method and concrete path to look up
     * @return null when the document declares the answer, else what it lacks
     */
    String undeclared(String operation, int status, String reason) {
        String[] parts = operation.split(" ", 2);
        Optional<JsonNode> op = find(parts[0], parts[1]);
        if (op.isEmpty()) {
            boolean unrouted = (status == 404 && "not_found".equals(reason)) || (status == 405 && "method_not_allowed".equals(reason))
                    || (status == 400 && "malformed_request".equals(reason)) || (status == 414 && "uri_too_long".equals(reason))
                    || (status == 431 && "request_header_fields_too_large".equals(reason));
            return unrouted ? null : "no operation for " + operation + " declares " + status + " " + reason;
        }
        JsonNode response = resolve(op.get().path("responses").path(Integer.toString(status)));
        if (response.isMissingNode()) {
            return operation + " does not declare status " + status + " (answered with reason " + reason + ")";
        }
        if (status < 400) {
            return null;
        }
        Optional<Set<String>> narrowed = narrowedReasons(response);
        boolean declared = narrowed.map(s -> s.contains(reason))
                .orElse(allReasons.contains(reason) && !claimed.contains(reason));
        return declared ? null : operation + " declares no reason " + reason + " for status " + status;
    }

    /** The operation of a method and a path, a template or a concrete one (literal segments win over parameters). */
    Optional<JsonNode> find(String method, String path) {
        if (!method.equals(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty(); // methods are case-sensitive: "get" is no GET
        }
        String m = method.toLowerCase(Locale.ROOT);
        JsonNode exact = doc.path("paths").path(path).path(m);
        if (!exact.isMissingNode()) {
            return Optional.of(exact);
        }
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        JsonNode best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = doc.path("paths").fieldNames(); it.hasNext();) {
            String template = it.next();
            int literals = literalsMatching(template, bare);
            JsonNode candidate = doc.path("paths").path(template).path(m);
            if (literals > bestLiterals && !candidate.isMissingNode()) {
                best = candidate;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How many literal segments of the template the path matches, -1 if it does not match. */
    private static int literalsMatching(String template, String path) {
        List<String> t = segments(template);
        List<String> p = segments(path);
        if (t.size() != p.size()) {
            return -1;
        }
        int literals = 0;
        for (int i = 0; i < t.size(); i++) {
            String ts = t.get(i);
            if (ts.startsWith("{") && ts.contains("}")) {
                String suffix = ts.substring(ts.indexOf('}') + 1); // "{changeset_id}:apply"
                if (!p.get(i).endsWith(suffix) || p.get(i).length() == suffix.length()) {
                    return -1;
                }
            } else if (ts.equals(p.get(i))) {
                literals++;
            } else {
                return -1;
            }
        }
        return literals;
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>(List.of(path.split("/", -1)));
        out.remove(0);
        return out;
    }

    private Optional<Set<String>> narrowedReasons(JsonNode response) {
        JsonNode schema = resolve(resolve(response).path("content").path("application/json").path("schema"));
        Set<String> reasons = new HashSet<>();
        schema.path("properties").path("reason").path("enum").forEach(n -> reasons.add(n.asText()));
        schema.path("allOf").forEach(part -> resolve(part).path("properties").path("reason").path("enum")
                .forEach(n -> reasons.add(n.asText())));
        // Error itself lists every code; only a narrower list declares something of its own
        return reasons.isEmpty() || reasons.equals(allReasons) ? Optional.empty() : Optional.of(reasons);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = doc.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }
}
