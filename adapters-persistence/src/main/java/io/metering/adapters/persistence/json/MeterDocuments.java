package io.metering.adapters.persistence.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metering.domain.meter.ContractPeriod;
import io.metering.domain.meter.EntityRelation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code jsonb} forms of a meter's relation lists ({@code [{entity_id, _slug}]}, the contract's
 * {@code $relation} items) and contract periods ({@code [{start, end}]}, ISO-8601 instants, end null
 * when open).
 */
public final class MeterDocuments {
    private MeterDocuments() {}

    /** @return the JSON array text of relations */
    public static String writeRelations(List<EntityRelation> relations) {
        ArrayNode array = JsonValues.array();
        for (EntityRelation r : relations) {
            ObjectNode item = array.addObject();
            item.put("entity_id", r.entityId());
            item.put("_slug", r.slug());
        }
        return JsonValues.write(array);
    }

    /** @return the relations of JSON array text */
    public static List<EntityRelation> readRelations(String text) {
        List<EntityRelation> out = new ArrayList<>();
        for (JsonNode item : arrayOf(text)) {
            out.add(new EntityRelation(JsonValues.text(item, "entity_id"), JsonValues.text(item, "_slug")));
        }
        return out;
    }

    /** @return the JSON array text of contract periods */
    public static String writePeriods(List<ContractPeriod> periods) {
        ArrayNode array = JsonValues.array();
        for (ContractPeriod p : periods) {
            ObjectNode item = array.addObject();
            item.put("start", p.start().toString());
            item.put("end", p.end() == null ? null : p.end().toString());
        }
        return JsonValues.write(array);
    }

    /** @return the contract periods of JSON array text */
    public static List<ContractPeriod> readPeriods(String text) {
        List<ContractPeriod> out = new ArrayList<>();
        for (JsonNode item : arrayOf(text)) {
            String end = JsonValues.text(item, "end");
            out.add(new ContractPeriod(Instant.parse(JsonValues.text(item, "start")), end == null ? null : Instant.parse(end)));
        }
        return out;
    }

    private static JsonNode arrayOf(String text) {
        JsonNode node = JsonValues.read(text);
        return node == null ? JsonValues.array() : node;
    }
}
