package io.metering.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.metering.bootstrap.reliability.ApiOperations.Operation;
import io.metering.bootstrap.reliability.ApiOperations.Param;
import io.metering.testing.Http;
import java.util.List;
import java.util.Random;

/**
 * Generates valid requests with exactly one unusual but legitimate input: odd Unicode, long or empty
 * strings in free-text fields, numbers in exponent notation, huge, tiny or negative zero, dates at
 * daylight-saving changes given with offsets, extra members, a removed optional field, unknown or
 * odd query parameters. A service may accept or refuse each of them, but never fail on it.
 */
final class UnusualRequests {
    /** What was made unusual, and (for a body text field) the field's name and the text sent. */
    record Unusual(Probe probe, String field, String text) {}

    private final Schemas schemas;
    private final ValidRequests valid;
    private final HostileCorpus corpus;

    UnusualRequests(JsonNode doc, HostileCorpus corpus, Fixture fx) {
        this.schemas = new Schemas(doc);
        this.valid = new ValidRequests(schemas, fx);
        this.corpus = corpus;
    }

    Unusual generate(Operation op, Random random) {
        RequestDraft d = valid.request(op, random);
        List<Schemas.Field> fields = op.hasBody() && d.body instanceof ObjectNode ? schemas.fields(op, d.body) : List.of();
        int dice = random.nextInt(fields.isEmpty() ? 2 : 7);
        if (dice == 0) {
            List<Param> text = op.in("query").stream().filter(p -> schemas.typed(p) == null && !p.required()).toList();
            String name = text.isEmpty() ? "x_" + random.nextInt(100) : text.get(random.nextInt(text.size())).name();
            d.setQuery(name, corpus.pick("unusualQueryValues", random));
            return new Unusual(d.build(op, "query " + name), null, null);
        }
        if (dice == 1) {
            d.query.add(new String[] {corpus.pick("unusualQueryValues", random), corpus.pick("unusualQueryValues", random)});
            return new Unusual(d.build(op, "unknown query parameter"), null, null);
        }
        if (dice == 2) {
            ((ObjectNode) d.body).set("extra_" + random.nextInt(100), d.rawValue(corpus.pick("unusualStrings", random)));
            return new Unusual(d.build(op, "extra member"), null, null);
        }
        Schemas.Field f = fields.get(random.nextInt(fields.size()));
        String t = Schemas.type(f.schema());
        boolean freeText = "string".equals(t) && !f.schema().has("enum") && !f.schema().has("format") && !Schemas.isDate(f.name());
        if (dice == 3) {
            JsonPaths.remove(d.body, f.path());
            return new Unusual(d.build(op, "removed " + f.path()), null, null);
        }
        if (freeText) {
            String text = random.nextBoolean() ? unusualText(random) : "x".repeat(1 + random.nextInt(3000));
            JsonPaths.set(d.body, f.path(), TextNode.valueOf(text));
            return new Unusual(d.build(op, "text " + f.path()), f.name(), text);
        }
        if ("number".equals(t) || "integer".equals(t)) {
            JsonPaths.set(d.body, f.path(), d.rawValue(corpus.pick("unusualNumbers", random)));
            return new Unusual(d.build(op, "number " + f.path()), null, null);
        }
        if ("string".equals(t) && (Schemas.isDate(f.name()) || f.schema().path("format").asText().startsWith("date"))) {
            JsonPaths.set(d.body, f.path(), TextNode.valueOf(corpus.pick("unusualDates", random)));
            return new Unusual(d.build(op, "date " + f.path()), null, null);
        }
        ((ObjectNode) d.body).set("extra_" + random.nextInt(100), d.rawValue(corpus.pick("unusualNumbers", random)));
        return new Unusual(d.build(op, "extra number member"), null, null);
    }

    private String unusualText(Random random) {
        String json = corpus.pick("unusualStrings", random);
        try {
            return Http.JSON.readTree(json).asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
