package io.metering.adapters.http.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.metering.adapters.http.json.StorableText;
import io.metering.application.port.in.batch.BatchItem;
import io.metering.application.port.in.batch.BatchWriteCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A batchWriteMeterReadings body read token by token straight into its items, without the JSON
 * tree that {@link io.metering.adapters.http.web.JsonBody#tree} builds, walks for unstorable text
 * and binds again (about 14 % of the route's JVM samples: docs/benchmarks.md "Plain inserts instead
 * of upserts"). It takes only the common shape, each member as the tree route would bind it:
 * text members as JSON strings or {@code null}, {@code value} as a string or number,
 * {@code metadata} as an object of strings or {@code null}, at most
 * {@link BatchWriteCommand#MAX_ITEMS} items, no unknown member, all text storable
 * ({@link StorableText}). Anything else, every refusal included, is left to the tree route
 * ({@link #read} answers empty), so every 4xx, its {@code reason} and message stay exactly the
 * tree route's.
 *
 * @param request the body as {@code body.read(tree, BatchWriteRequest.class)} binds it
 * @param omitted per item, the keepable optional fields it does not name (as the tree route finds them)
 */
record StreamedBatchBody(BatchWriteRequest request, List<Set<BatchItem.Field>> omitted) {
    /** The member names of an item, each with its keepable field (null where it has none). */
    private static final Map<String, Member> MEMBERS = Map.ofEntries(
            Map.entry("operation", Member.OPERATION), Map.entry("meter_id", Member.METER_ID),
            Map.entry("counter_id", Member.COUNTER_ID), Map.entry("direction", Member.DIRECTION),
            Map.entry("timestamp", Member.TIMESTAMP), Map.entry("value", Member.VALUE), Map.entry("source", Member.SOURCE),
            Map.entry("reason", Member.REASON), Map.entry("read_by", Member.READ_BY), Map.entry("status", Member.STATUS),
            Map.entry("external_id", Member.EXTERNAL_ID), Map.entry("remark", Member.REMARK), Map.entry("note", Member.NOTE),
            Map.entry("unit", Member.UNIT), Map.entry("metadata", Member.METADATA));

    /** An item's members, with the keepable field each one names. */
    private enum Member {
        OPERATION(null), METER_ID(null), COUNTER_ID(null), DIRECTION(null), TIMESTAMP(null), VALUE(null), SOURCE(null),
        REASON(BatchItem.Field.REASON), READ_BY(BatchItem.Field.READ_BY), STATUS(BatchItem.Field.STATUS),
        EXTERNAL_ID(BatchItem.Field.EXTERNAL_ID), REMARK(BatchItem.Field.REMARK), NOTE(BatchItem.Field.NOTE),
        UNIT(BatchItem.Field.UNIT), METADATA(BatchItem.Field.METADATA);

        final BatchItem.Field keepable;

        Member(BatchItem.Field keepable) {
            this.keepable = keepable;
        }
    }

    /**
     * Reads the body from its first token to its last (the caller checks that nothing follows).
     *
     * @param trees reads a member's value as the tree route's node (the adapter's mapper, without
     *     the check for trailing tokens, which would look past the member)
     * @return the body, empty when it is not of the common shape (then read it as a tree)
     * @throws IOException for malformed JSON or a parsing limit (then read it as a tree too)
     */
    static Optional<StreamedBatchBody> read(JsonParser p, ObjectReader trees) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return Optional.empty();
        }
        JsonNode identifiers = null;
        List<BatchReadingRequest> readings = null;
        List<Set<BatchItem.Field>> omitted = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken t = p.nextToken();
            if (name.equals("readings") && t == JsonToken.START_ARRAY) {
                readings = new ArrayList<>();
                omitted = new ArrayList<>();
                if (!items(p, trees, readings, omitted)) {
                    return Optional.empty();
                }
            } else if (name.equals("identifiers") && t != JsonToken.VALUE_NULL) {
                identifiers = trees.readTree(p);
                if (StorableText.problem(identifiers).isPresent()) {
                    return Optional.empty();
                }
            } else {
                return Optional.empty();
            }
        }
        if (readings == null) {
            return Optional.empty();
        }
        return Optional.of(new StreamedBatchBody(new BatchWriteRequest(identifiers, readings), omitted));
    }

    /** Reads the items of the {@code readings} array; false when one is not of the common shape. */
    private static boolean items(JsonParser p, ObjectReader trees, List<BatchReadingRequest> readings, List<Set<BatchItem.Field>> omitted)
            throws IOException {
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.START_OBJECT || readings.size() == BatchWriteCommand.MAX_ITEMS) {
                return false;
            }
            Set<BatchItem.Field> absent = EnumSet.allOf(BatchItem.Field.class);
            BatchReadingRequest item = item(p, trees, absent);
            if (item == null) {
                return false;
            }
            readings.add(item);
            omitted.add(absent);
        }
        return true;
    }

    /**
     * Reads one item object, its start token read; removes the keepable fields it names from
     * {@code absent}.
     *
     * @return the item, null when it is not of the common shape
     */
    private static BatchReadingRequest item(JsonParser p, ObjectReader trees, Set<BatchItem.Field> absent) throws IOException {
        String[] text = new String[Member.values().length];
        JsonNode value = null;
        Map<String, String> metadata = null;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            Member m = MEMBERS.get(name);
            JsonToken t = p.nextToken();
            if (m == null) {
                return null;
            }
            if (m.keepable != null) {
                absent.remove(m.keepable);
            }
            if (m == Member.VALUE) {
                if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                    return null;
                }
                value = trees.readTree(p);
                if (t == JsonToken.VALUE_STRING && StorableText.problem(value.textValue()).isPresent()) {
                    return null;
                }
            } else if (m == Member.METADATA) {
                if (t == JsonToken.START_OBJECT) {
                    metadata = metadata(p);
                    if (metadata == null) {
                        return null;
                    }
                } else if (t != JsonToken.VALUE_NULL) {
                    return null;
                }
            } else if (t == JsonToken.VALUE_STRING) {
                String s = p.getText();
                if (StorableText.problem(s).isPresent()) {
                    return null;
                }
                text[m.ordinal()] = s;
            } else if (t != JsonToken.VALUE_NULL) {
                return null;
            }
        }
        return new BatchReadingRequest(text[Member.OPERATION.ordinal()], text[Member.METER_ID.ordinal()],
                text[Member.COUNTER_ID.ordinal()], text[Member.DIRECTION.ordinal()], text[Member.TIMESTAMP.ordinal()], value,
                text[Member.SOURCE.ordinal()], text[Member.REASON.ordinal()], text[Member.READ_BY.ordinal()],
                text[Member.STATUS.ordinal()], text[Member.EXTERNAL_ID.ordinal()], text[Member.REMARK.ordinal()],
                text[Member.NOTE.ordinal()], text[Member.UNIT.ordinal()], metadata);
    }

    /** An object of string members, its start token read; null when a member is anything else. */
    private static Map<String, String> metadata(JsonParser p) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            if (p.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            String s = p.getText();
            if (StorableText.problem(name).isPresent() || StorableText.problem(s).isPresent()) {
                return null;
            }
            out.put(name, s);
        }
        return out;
    }
}
