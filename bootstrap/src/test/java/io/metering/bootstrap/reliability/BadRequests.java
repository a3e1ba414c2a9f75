package io.metering.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.metering.bootstrap.reliability.ApiOperations.Operation;
import io.metering.bootstrap.reliability.ApiOperations.Param;
import io.metering.testing.Http;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Generates invalid requests for any documented operation. Each starts from a request that would be
 * valid (path ids of the {@link Fixture}, the documented example body with those ids, or a body
 * synthesized from the schema), takes up to two "noise" mutations that may or may not be acceptable
 * on their own (odd Unicode, long strings, extra fields, unusual numbers and dates, unknown query
 * parameters, a removed field), and then exactly one {@link Fault} that no correct service accepts. The fault is applied
 * last, so noise never undoes it.
 */
final class BadRequests {
    /** What makes a generated request invalid. */
    enum Fault {
        /** A path id that names nothing the caller may reach (not a UUID, unknown, another tenant's). */
        PATH_ID,
        /** A typed query parameter (boolean, integer, enum, date) with a value outside its type or range. */
        QUERY_VALUE,
        /** A required query parameter left out. */
        QUERY_MISSING,
        /** NUL in a free-text query parameter (PostgreSQL text cannot hold it). */
        QUERY_TEXT,
        /** A body that is not JSON, or not a JSON object. */
        BODY_SYNTAX,
        /** A declared body field with a value of the wrong JSON type or outside its enum, format or length. */
        BODY_FIELD,
        /** A body string with NUL or an unpaired surrogate, which no stored text can represent faithfully. */
        BODY_TEXT,
        /** A non-empty body in a content type other than JSON. */
        CONTENT_TYPE,
        /** A body larger than the configured limit. */
        OVERSIZE,
        /** No body where one is required. */
        EMPTY_BODY
    }

    private final Schemas schemas;
    private final ValidRequests valid;
    private final HostileCorpus corpus;
    private final Fixture fx;
    private final long maxBody;

    BadRequests(JsonNode doc, HostileCorpus corpus, Fixture fx, long maxBody) {
        this.schemas = new Schemas(doc);
        this.valid = new ValidRequests(schemas, fx);
        this.corpus = corpus;
        this.fx = fx;
        this.maxBody = maxBody;
    }

    /** The faults that can make a request of this operation invalid. */
    List<Fault> applicable(Operation op) {
        List<Fault> out = new ArrayList<>();
        if (op.in("path").stream().anyMatch(Schemas::mustExist)) {
            out.add(Fault.PATH_ID);
        }
        if (op.in("query").stream().anyMatch(p -> schemas.typed(p) != null)) {
            out.add(Fault.QUERY_VALUE);
        }
        if (op.in("query").stream().anyMatch(Param::required)) {
            out.add(Fault.QUERY_MISSING);
        }
        if (op.in("query").stream().anyMatch(p -> schemas.typed(p) == null)) {
            out.add(Fault.QUERY_TEXT);
        }
        if (op.hasBody()) {
            out.add(Fault.BODY_SYNTAX);
            out.add(Fault.CONTENT_TYPE);
            if (!schemas.fields(op, valid.body(op)).isEmpty()) {
                out.add(Fault.BODY_FIELD);
            }
            if (schemas.fields(op, valid.body(op)).stream().anyMatch(f -> "string".equals(Schemas.type(f.schema())))) {
                out.add(Fault.BODY_TEXT);
            }
            if (op.body().required()) {
                out.add(Fault.EMPTY_BODY);
            }
        }
        out.add(Fault.OVERSIZE);
        return out;
    }

    /** A request of the operation with the fault. */
    Probe generate(Operation op, Fault fault, Random random) {
        RequestDraft d = valid.request(op, random);
        int noise = random.nextInt(3);
        for (int i = 0; i < noise; i++) {
            noise(op, d, random);
        }
        apply(op, d, fault, random);
        return d.build(op, fault.name());
    }

    // ------------------------------------------------------------------ noise

    private void noise(Operation op, RequestDraft d, Random random) {
        int dice = random.nextInt(5);
        if (dice == 0 || !(d.body instanceof ObjectNode)) {
            List<Param> text = op.in("query").stream().filter(p -> schemas.typed(p) == null && !p.required()).toList();
            if (!text.isEmpty() && random.nextBoolean()) {
                d.setQuery(text.get(random.nextInt(text.size())).name(), corpus.pick("unusualQueryValues", random));
            } else {
                String name = random.nextBoolean() ? "x_" + random.nextInt(100) : corpus.pick("unusualQueryValues", random);
                d.query.add(new String[] {name, random.nextInt(4) == 0 ? longText(random, true) : corpus.pick("unusualQueryValues", random)});
            }
            return;
        }
        List<Schemas.Field> fields = schemas.fields(op, d.body);
        ObjectNode target = (ObjectNode) d.body;
        if (dice == 1 || fields.isEmpty()) {
            String key = random.nextBoolean() ? "extra_" + random.nextInt(1000) : oddKey(random);
            target.set(key, d.rawValue(random.nextBoolean() ? corpus.pick("unusualStrings", random) : corpus.pick("unusualNumbers", random)));
            return;
        }
        Schemas.Field f = fields.get(random.nextInt(fields.size()));
        String t = Schemas.type(f.schema());
        if (dice == 2 && "string".equals(t) && !f.schema().has("enum") && !Schemas.isDate(f.name())) {
            JsonPaths.set(d.body, f.path(), random.nextInt(3) == 0 ? TextNode.valueOf(longText(random, false))
                    : d.rawValue(corpus.pick("unusualStrings", random)));
        } else if (dice == 2 && ("number".equals(t) || "integer".equals(t))) {
            JsonPaths.set(d.body, f.path(), d.rawValue(corpus.pick("unusualNumbers", random)));
        } else if (dice == 3 && Schemas.isDate(f.name())) {
            JsonPaths.set(d.body, f.path(), TextNode.valueOf(corpus.pick("unusualDates", random)));
        } else {
            JsonPaths.remove(d.body, f.path());
        }
    }

    /**
     * A long string of one repeated character, plain or multi-byte: up to about 3 KB of UTF-8 in a
     * body, and up to about 5 KB once percent-encoded in a query, below Jetty's 8 KB limit for the
     * request head (above it, Jetty refuses the request before reading it, and a client still
     * sending a large body may lose that answer to a connection reset; the malformed-HTTP test
     * covers those refusals).
     */
    private static String longText(Random random, boolean forQuery) {
        String[] units = {"x", "\u00e4", "\u202e", "\u200b", "\ud83d\udca9", " "};
        String unit = units[random.nextInt(units.length)];
        int unitBytes = forQuery ? RequestDraft.encode(unit).length() : unit.getBytes(StandardCharsets.UTF_8).length;
        return unit.repeat(1 + random.nextInt((forQuery ? 5000 : 3000) / unitBytes));
    }

    private String oddKey(Random random) {
        String s = corpus.pick("unusualStrings", random);
        return s.startsWith("\"") ? "k" + s.substring(1, s.length() - 1) : "k" + s;
    }

    // ------------------------------------------------------------------ faults

    private void apply(Operation op, RequestDraft d, Fault fault, Random random) {
        switch (fault) {
            case PATH_ID -> {
                List<Param> ids = op.in("path").stream().filter(Schemas::mustExist).toList();
                Param p = ids.get(random.nextInt(ids.size()));
                d.path.put(p.name(), badPathValue(op, p, d, random));
            }
            case QUERY_VALUE -> {
                List<Param> typed = op.in("query").stream().filter(p -> schemas.typed(p) != null).toList();
                Param p = typed.get(random.nextInt(typed.size()));
                d.setQuery(p.name(), badQueryValue(p, random));
            }
            case QUERY_MISSING -> {
                List<Param> required = op.in("query").stream().filter(Param::required).toList();
                d.setQuery(required.get(random.nextInt(required.size())).name(), null);
            }
            case QUERY_TEXT -> {
                List<Param> text = op.in("query").stream().filter(p -> schemas.typed(p) == null).toList();
                d.setQuery(text.get(random.nextInt(text.size())).name(), corpus.pick("invalidQueryText", random));
            }
            case BODY_SYNTAX -> d.rawBody = badSyntax(d, random);
            case BODY_FIELD -> {
                List<Schemas.Field> fields = d.body == null ? List.of() : schemas.fields(op, d.body);
                if (fields.isEmpty()) {
                    apply(op, d, Fault.BODY_SYNTAX, random);
                    return;
                }
                Schemas.Field f = fields.get(random.nextInt(fields.size()));
                JsonPaths.set(d.body, f.path(), d.rawValue(badFieldValue(f, random)));
            }
            case BODY_TEXT -> {
                List<Schemas.Field> strings = d.body == null ? List.of()
                        : schemas.fields(op, d.body).stream().filter(f -> "string".equals(Schemas.type(f.schema()))).toList();
                if (strings.isEmpty()) {
                    apply(op, d, Fault.BODY_SYNTAX, random);
                    return;
                }
                Schemas.Field f = strings.get(random.nextInt(strings.size()));
                JsonPaths.set(d.body, f.path(), d.rawValue(corpus.pick("invalidStrings", random)));
            }
            case CONTENT_TYPE -> d.contentType = corpus.pick("contentTypes", random);
            case OVERSIZE -> {
                int size = (int) maxBody + 1 + random.nextInt((int) maxBody);
                StringBuilder sb = new StringBuilder("{\"padding\":\"");
                while (sb.length() < size) {
                    sb.append("0123456789abcdef");
                }
                d.rawBody = sb.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
                // without Content-Length the limit must hold while reading, for operations that read a body
                d.chunked = op.hasBody() && random.nextBoolean();
            }
            case EMPTY_BODY -> d.rawBody = random.nextBoolean() ? new byte[0] : "  \r\n ".getBytes(StandardCharsets.US_ASCII);
            default -> throw new IllegalArgumentException(fault.name());
        }
    }

    private String badPathValue(Operation op, Param p, RequestDraft d, Random random) {
        boolean portal = d.token.equals(fx.portalToken());
        boolean counter = p.name().contains("counter") || (p.name().equals("id") && op.path().contains("/counters/{id}"));
        return switch (random.nextInt(portal ? 5 : 4)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> corpus.pick("unusualQueryValues", random) + "-not-an-id";
            case 2 -> counter ? fx.otherOrgCounter() : fx.otherOrgMeter();
            case 3 -> p.schema().has("enum") ? "nope.js" : UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "0";
            default -> fx.foreignMeter();
        };
    }

    private String badQueryValue(Param p, Random random) {
        String t = schemas.typed(p);
        return switch (t) {
            case "boolean" -> corpus.pick("invalidBooleans", random);
            case "integer" -> {
                JsonNode s = p.schema();
                int dice = random.nextInt(4);
                if (dice == 0 && s.has("minimum")) {
                    yield Long.toString(s.get("minimum").asLong() - 1 - random.nextInt(1000));
                }
                if (dice == 1 && s.has("maximum")) {
                    yield Long.toString(s.get("maximum").asLong() + 1 + random.nextInt(1000));
                }
                yield corpus.pick("invalidIntegers", random);
            }
            case "enum" -> corpus.pick("invalidEnums", random);
            case "date" -> corpus.pick("invalidDates", random);
            // another organization's meter is a fault where it names the resource acted on; a filter
            // (x-filter in our document) it simply matches nothing, so only a malformed id is a fault there
            case "uuid" -> random.nextBoolean() || p.schema().path("x-filter").asBoolean() ? "not-a-uuid" : fx.otherOrgMeter();
            default -> throw new IllegalStateException(t);
        };
    }

    private byte[] badSyntax(RequestDraft d, Random random) {
        String text = d.body == null ? "{\"a\":1}" : d.bodyText();
        return switch (random.nextInt(5)) {
            case 0, 1 -> corpus.pick("invalidBodies", random).getBytes(StandardCharsets.UTF_8);
            case 2 -> text.substring(0, 1 + random.nextInt(Math.max(1, text.length() - 1))).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("[" + "{\"a\":[".repeat(40) + "1" + "]}".repeat(40) + "]").getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] garbage = new byte[1 + random.nextInt(200)];
                random.nextBytes(garbage);
                garbage[0] = (byte) 0xFF;
                yield garbage;
            }
        };
    }

    private String badFieldValue(Schemas.Field f, Random random) {
        JsonNode s = f.schema();
        String t = Schemas.type(s);
        if (s.has("maxLength") && random.nextBoolean()) {
            return "\"" + "x".repeat(s.get("maxLength").asInt() + 1 + random.nextInt(100)) + "\"";
        }
        if ("string".equals(t) && (Schemas.isDate(f.name()) || s.path("format").asText().startsWith("date"))) {
            return Http.JSON.getNodeFactory().textNode(corpus.pick("invalidDates", random)).toString();
        }
        if ("string".equals(t) && s.has("enum")) {
            return random.nextBoolean() ? "\"bogus-" + random.nextInt(100) + "\"" : container(random);
        }
        if ("string".equals(t) && "uuid".equals(s.path("format").asText())) {
            return random.nextBoolean() ? "\"not-a-uuid\"" : "\"" + fx.otherOrgMeter() + "\"";
        }
        if ("number".equals(t) || "integer".equals(t)) {
            return corpus.pick("invalidNumbers", random);
        }
        if ("array".equals(t)) {
            return random.nextBoolean() ? "{\"not\":\"a list\"}" : "\"not a list\"";
        }
        if ("object".equals(t)) {
            return random.nextBoolean() ? "[\"not an object\"]" : "\"not an object\"";
        }
        if ("boolean".equals(t)) {
            return random.nextBoolean() ? "\"yes\"" : "{}";
        }
        return container(random);
    }

    private static String container(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "{}";
            case 1 -> "[]";
            default -> "[\"a\",{\"b\":null}]";
        };
    }


}
