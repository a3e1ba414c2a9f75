package io.metering.adapters.persistence.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metering.domain.changeset.ChangesetCreator;
import io.metering.domain.changeset.ProposedReading;
import io.metering.domain.counter.Direction;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The {@code jsonb} forms of a changeset's proposed and previous readings (field names of the
 * contract's {@code ProposedReading}) and of its creator ({@code {type, id}}). The value is stored
 * as a decimal string and the timestamp as an ISO-8601 instant, so both come back exactly as given.
 */
public final class ChangesetDocuments {
    private ChangesetDocuments() {}

    /** @return the JSON text, or null for no reading */
    public static String writeReading(ProposedReading r) {
        if (r == null) {
            return null;
        }
        ObjectNode node = JsonValues.object();
        node.put("value", r.value().toString());
        node.put("direction", r.direction() == null ? null : r.direction().code());
        node.put("timestamp", r.timestamp() == null ? null : r.timestamp().toString());
        node.put("reason", ReadingReason.textOf(r.reason()));
        node.put("remark", r.remark());
        node.put("read_by", r.readBy());
        node.put("status", r.status() == null ? null : r.status().code());
        node.put("external_id", r.externalId());
        return JsonValues.write(node);
    }

    /** @return the reading, or null for null text */
    public static ProposedReading readReading(String text) {
        JsonNode node = JsonValues.read(text);
        if (node == null || node.isNull()) {
            return null;
        }
        String timestamp = JsonValues.text(node, "timestamp");
        return new ProposedReading(
                new BigDecimal(JsonValues.text(node, "value")),
                Codes.decode(Direction::fromCode, JsonValues.text(node, "direction"), "direction"),
                timestamp == null ? null : Instant.parse(timestamp),
                ReadingReason.of(JsonValues.text(node, "reason")),
                JsonValues.text(node, "remark"),
                JsonValues.text(node, "read_by"),
                Codes.decode(ReadingStatus::fromCode, JsonValues.text(node, "status"), "status"),
                JsonValues.text(node, "external_id"));
    }

    /** @return the JSON text, or null for no creator */
    public static String writeCreator(ChangesetCreator c) {
        if (c == null) {
            return null;
        }
        ObjectNode node = JsonValues.object();
        node.put("type", c.type());
        node.put("id", c.id());
        return JsonValues.write(node);
    }

    /** @return the creator, or null for null text */
    public static ChangesetCreator readCreator(String text) {
        JsonNode node = JsonValues.read(text);
        if (node == null || node.isNull()) {
            return null;
        }
        return new ChangesetCreator(JsonValues.text(node, "type"), JsonValues.text(node, "id"));
    }
}
