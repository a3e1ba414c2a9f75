package io.metering.adapters.persistence.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.governance.TimestampTolerance;
import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * The {@code jsonb} form of a meter's or changeset's {@link ReadingGovernance}, in the contract's
 * shapes: {@code {edit_mode, match_strategy, fuzzy_config: {percentage_threshold,
 * absolute_threshold}, timestamp_tolerance: {type: exact | same-day + timezone | within-seconds +
 * seconds}}}. Thresholds are stored as decimal strings so that their scale survives unchanged.
 */
public final class GovernanceDocument {
    private GovernanceDocument() {}

    /** @return the JSON text, or null for no governance */
    public static String write(ReadingGovernance g) {
        if (g == null) {
            return null;
        }
        ObjectNode node = JsonValues.object();
        node.put("edit_mode", g.editMode().code());
        node.put("match_strategy", g.matchStrategy().code());
        if (g.fuzzyConfig() != null) {
            ObjectNode fuzzy = node.putObject("fuzzy_config");
            putDecimal(fuzzy, "percentage_threshold", g.fuzzyConfig().percentageThreshold());
            putDecimal(fuzzy, "absolute_threshold", g.fuzzyConfig().absoluteThreshold());
        }
        ObjectNode tolerance = node.putObject("timestamp_tolerance");
        if (g.timestampTolerance() instanceof TimestampTolerance.SameDay sameDay) {
            tolerance.put("type", "same-day");
            tolerance.put("timezone", sameDay.zone().getId());
        } else if (g.timestampTolerance() instanceof TimestampTolerance.WithinSeconds within) {
            tolerance.put("type", "within-seconds");
            tolerance.put("seconds", within.seconds());
        } else {
            tolerance.put("type", "exact");
        }
        return JsonValues.write(node);
    }

    /** @return the governance, or null for null text */
    public static ReadingGovernance read(String text) {
        JsonNode node = JsonValues.read(text);
        if (node == null || node.isNull()) {
            return null;
        }
        EditMode mode = Codes.decode(EditMode::fromCode, JsonValues.text(node, "edit_mode"), "edit_mode");
        MatchStrategy strategy = Codes.decode(MatchStrategy::fromCode, JsonValues.text(node, "match_strategy"), "match_strategy");
        JsonNode fuzzy = node.get("fuzzy_config");
        FuzzyConfig fuzzyConfig = fuzzy == null || fuzzy.isNull() ? null
                : new FuzzyConfig(decimal(fuzzy, "percentage_threshold"), decimal(fuzzy, "absolute_threshold"));
        return new ReadingGovernance(mode, strategy, fuzzyConfig, tolerance(node.get("timestamp_tolerance")));
    }

    private static TimestampTolerance tolerance(JsonNode node) {
        String type = node == null ? null : JsonValues.text(node, "type");
        if (type == null || type.equals("exact")) {
            return new TimestampTolerance.Exact();
        }
        return switch (type) {
            case "same-day" -> new TimestampTolerance.SameDay(ZoneId.of(JsonValues.text(node, "timezone")));
            case "within-seconds" -> new TimestampTolerance.WithinSeconds(node.get("seconds").asLong());
            default -> throw new IllegalStateException("stored timestamp_tolerance type '" + type + "' is unknown");
        };
    }

    private static void putDecimal(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            node.put(field, value.toString());
        }
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        String text = JsonValues.text(node, field);
        return text == null ? null : new BigDecimal(text);
    }
}
