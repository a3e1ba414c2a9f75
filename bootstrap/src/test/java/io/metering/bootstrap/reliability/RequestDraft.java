package io.metering.bootstrap.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.metering.bootstrap.reliability.ApiOperations.Operation;
import io.metering.testing.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated request under construction: path parameters, query parameters (repeatable, in order),
 * a JSON body tree or raw body bytes, content type and token. Raw JSON fragments that no tree can
 * hold ({@code NaN}, {@code 1e999999999}, {@code "\ud800"}) are put in as placeholders and spliced
 * into the text when the request is built.
 */
final class RequestDraft {
    /** Marks a text node to be replaced by a raw JSON fragment when the body is written. */
    private static final String PLACEHOLDER = "@@raw-";

    final Map<String, String> path = new LinkedHashMap<>();
    final List<String[]> query = new ArrayList<>();
    private final Map<String, String> raw = new LinkedHashMap<>();
    JsonNode body;
    byte[] rawBody;
    String contentType = "application/json";
    boolean chunked;
    String token;

    /** A text node that becomes the raw JSON fragment when the body is written. */
    TextNode rawValue(String fragment) {
        String key = PLACEHOLDER + raw.size() + "@@";
        raw.put(key, fragment);
        return TextNode.valueOf(key);
    }

    /** Sets (or, with null, removes) every occurrence of a query parameter. */
    void setQuery(String name, String value) {
        query.removeIf(q -> q[0].equals(name));
        if (value != null) {
            query.add(new String[] {name, value});
        }
    }

    /** The JSON body as text, raw fragments in place. */
    String bodyText() {
        String text;
        try {
            text = Http.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> r : raw.entrySet()) {
            text = text.replace("\"" + r.getKey() + "\"", r.getValue());
        }
        return text;
    }

    /** The request, labelled with what it tests. */
    Probe build(Operation op, String label) {
        String target = op.path();
        for (Map.Entry<String, String> p : path.entrySet()) {
            target = target.replace("{" + p.getKey() + "}", encode(p.getValue()));
        }
        StringBuilder q = new StringBuilder();
        for (String[] kv : query) {
            q.append(q.length() == 0 ? "?" : "&").append(encode(kv[0])).append('=').append(encode(kv[1]));
        }
        byte[] bytes = rawBody != null ? rawBody : body != null ? bodyText().getBytes(StandardCharsets.UTF_8) : null;
        return new Probe(op.method() + " " + op.path(), label, op.method(), target + q, token, bytes == null ? null : contentType, bytes,
                chunked);
    }

    /** Percent-encodes a path segment or query component (space as %20). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
