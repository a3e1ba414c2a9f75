package io.metering.adapters.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Text the service can store and give back exactly as it came. Two kinds of JSON text cannot be:
 * NUL ({@code \u0000}), which PostgreSQL refuses in {@code text} and {@code jsonb} (the write used to
 * fail with 500), and an unpaired UTF-16 surrogate ({@code \ud800} alone), which has no UTF-8 form
 * (the driver silently stored {@code ?} instead). Requests carrying either are refused up front.
 */
public final class StorableText {
    private static final int MAX_SHOWN_PATH = 80;

    private StorableText() {}

    /**
     * @return what is wrong with the first unstorable text in the tree (member names included),
     *     naming its path; empty when all text is storable
     */
    public static Optional<String> problem(JsonNode tree) {
        return problem(tree, new ArrayList<>());
    }

    /** @return why the text cannot be stored, empty when it can */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("contains a NUL character");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains an unpaired surrogate (invalid Unicode)");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (invalid Unicode)");
            }
        }
        return Optional.empty();
    }

    /**
     * @param path the member names ({@link String}) and array positions ({@link Integer}) down to
     *     {@code node}; joined into text only when a problem is found, since a request of 100
     *     readings has over a thousand nodes (docs/benchmarks.md "Steady state and JIT")
     */
    private static Optional<String> problem(JsonNode node, List<Object> path) {
        if (node.isTextual()) {
            return problem(node.textValue()).map(p -> shown(path) + " " + p);
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                Optional<String> name = problem(f.getKey()).map(p -> "a member name in " + shown(path) + " " + p);
                if (name.isPresent()) {
                    return name;
                }
                path.add(f.getKey());
                Optional<String> value = problem(f.getValue(), path);
                path.remove(path.size() - 1);
                if (value.isPresent()) {
                    return value;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                Optional<String> item = problem(node.get(i), path);
                path.remove(path.size() - 1);
                if (item.isPresent()) {
                    return item;
                }
            }
        }
        return Optional.empty();
    }

    /** The path as the message shows it: {@code readings[3].note}. */
    private static String shown(List<Object> segments) {
        StringBuilder path = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer i) {
                path.append('[').append(i).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(segment);
            }
        }
        return shown(path.toString());
    }

    private static String shown(String path) {
        if (path.isEmpty()) {
            return "the request body";
        }
        String safe = path.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? path : "a member";
        return safe.length() > MAX_SHOWN_PATH ? safe.substring(0, MAX_SHOWN_PATH) + "..." : safe;
    }
}
