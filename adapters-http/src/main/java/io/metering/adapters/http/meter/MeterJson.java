package io.metering.adapters.http.meter;

import io.metering.adapters.http.changeset.ChangesetMapper;
import io.metering.adapters.http.json.WireCodes;
import io.metering.application.port.in.meter.MeterView;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.meter.ContractPeriod;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.Meter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Meters as the contract's {@code Meter} JSON: the BaseEntity fields, the attributes the contract
 * names, this product's extensions ({@code contract_periods}, {@code reading_governance}) and every
 * other attribute merged at the top level exactly as it was sent.
 *
 * <p>Written by hand rather than with MapStruct: the open attribute map is spread into the object
 * itself, which a bean-to-bean mapper cannot express, and the key order (base fields first) is
 * part of what makes the JSON readable.
 */
public final class MeterJson {
    /** The meter's {@code _schema}. */
    public static final String SCHEMA = "meter";

    private MeterJson() {}

    /** A meter as the contract's {@code Meter}. */
    public static Map<String, Object> meter(Meter m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_id", WireCodes.id(m.id()));
        out.put("_schema", SCHEMA);
        out.put("_title", title(m));
        out.put("_org", m.org().value());
        out.put("_tags", m.tags());
        out.put("_created_at", m.createdAt());
        out.put("_updated_at", m.updatedAt());
        putIfPresent(out, "ma_lo_id", m.maLoId());
        putIfPresent(out, "meter_number", m.meterNumber());
        putIfPresent(out, "status", WireCodes.code(m.status()));
        putIfPresent(out, "sector", WireCodes.code(m.sector()));
        putIfPresent(out, "meter_type", WireCodes.code(m.meterType()));
        putIfPresent(out, "tariff_type", m.tariffType());
        putIfPresent(out, "used_for", m.usedFor());
        putIfPresent(out, "manufacturer", m.manufacturer());
        putIfPresent(out, "calibration_date", m.calibrationDate());
        if (!m.customers().isEmpty()) {
            out.put("customer", relations(m.customers()));
        }
        if (!m.contracts().isEmpty()) {
            out.put("contract", relations(m.contracts()));
        }
        if (!m.contractPeriods().isEmpty()) {
            out.put("contract_periods", m.contractPeriods().stream().map(MeterJson::period).toList());
        }
        if (m.governance() != null) {
            out.put("reading_governance", governance(m.governance()));
        }
        // named fields win: an unknown attribute can never shadow them
        m.attributes().forEach(out::putIfAbsent);
        return out;
    }

    /**
     * The contract requires {@code _title}; a meter without one is titled by its meter number, else
     * its MaLo id, else its id, the way entity titles are derived from a key attribute.
     */
    static String title(Meter m) {
        if (m.title() != null) {
            return m.title();
        }
        if (m.meterNumber() != null) {
            return m.meterNumber();
        }
        return m.maLoId() != null ? m.maLoId() : m.id().toString();
    }

    /**
     * A meter with what readers see beside it: {@code last_reading} and
     * {@code current_consumption} when it has readings, and {@code pending_changesets} when asked.
     * A stored {@code journey_actions} attribute is part of the meter itself.
     */
    public static Map<String, Object> meterWithReadings(MeterView view, boolean withChangesets) {
        Map<String, Object> out = meter(view.meter());
        putIfPresent(out, "last_reading", view.lastReading());
        putIfPresent(out, "current_consumption", view.currentConsumption());
        if (withChangesets) {
            out.put("pending_changesets", ChangesetMapper.INSTANCE.toResponses(view.pendingChangesets()));
        }
        return out;
    }

    private static Map<String, Object> relations(List<EntityRelation> relations) {
        List<Map<String, Object>> items = relations.stream().map(r -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("entity_id", r.entityId());
            putIfPresent(item, "_slug", r.slug());
            return item;
        }).toList();
        return Map.of("$relation", items);
    }

    /** Bounds as instants; {@code end_date} is exclusive (the first instant after the period). */
    private static Map<String, Object> period(ContractPeriod p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("start_date", p.start());
        putIfPresent(out, "end_date", p.end());
        return out;
    }

    private static Map<String, Object> governance(ReadingGovernance g) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("edit_mode", WireCodes.code(g.editMode()));
        out.put("match_strategy", WireCodes.code(g.matchStrategy()));
        FuzzyConfig fuzzy = g.fuzzyConfig();
        if (fuzzy != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            putIfPresent(f, "percentage_threshold", fuzzy.percentageThreshold());
            putIfPresent(f, "absolute_threshold", fuzzy.absoluteThreshold());
            out.put("fuzzy_config", f);
        }
        out.put("timestamp_tolerance", WireCodes.tolerance(g.timestampTolerance()));
        return out;
    }

    static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
