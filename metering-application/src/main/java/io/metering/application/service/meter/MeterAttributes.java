package io.metering.application.service.meter;

import io.metering.application.service.shared.AttributeReader;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.governance.TimestampTolerance;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.ContractPeriod;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.reading.EchoMatching;
import io.metering.domain.meter.MeterType;
import io.metering.domain.meter.Sector;
import io.metering.domain.time.TimeInput;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies meter attributes, given by their contract names, to a meter: the attributes the contract
 * names become typed fields, the rest is kept as sent. Also reads this product's extensions
 * {@code contract_periods} and {@code reading_governance}.
 */
final class MeterAttributes {
    /** Attributes a portal user may not change (docs/domain.md#who-may-do-what). */
    static final Set<String> PROTECTED_FROM_PORTAL = Set.of("_id", "_org", "_schema", "status", "customer", "contract",
            "ma_lo_id", "meter_number", "sector", "meter_type", "contract_periods", "reading_governance", "journey_actions",
            MeterLifecycle.INSTALLATION_DATE, MeterLifecycle.COMMISSIONING_DATE, MeterLifecycle.DECOMMISSIONED_AT, EchoMatching.ATTRIBUTE);
    /** Attributes derived by the service; sent values are ignored. */
    static final Set<String> DERIVED = Set.of("_id", "_org", "_schema", "_created_at", "_updated_at", "last_reading",
            "current_consumption", "pending_changesets", "_type");

    private MeterAttributes() {}

    /**
     * @param builder the meter being built or changed
     * @param attributes attributes by contract name; on update a null value removes the attribute
     * @param businessZone zone for date-only contract period bounds
     * @param portal whether a portal user sends them
     */
    static void apply(Meter.Builder builder, Meter current, Map<String, Object> attributes, ZoneId businessZone, boolean portal) {
        if (portal) {
            List<String> refused = attributes.keySet().stream().filter(PROTECTED_FROM_PORTAL::contains).sorted().toList();
            if (!refused.isEmpty()) {
                throw new ForbiddenException("portal users may not change " + String.join(", ", refused));
            }
        }
        builder.attributes(AttributeReader.apply(attributes, "meter", current == null ? Map.of() : current.attributes(), DERIVED,
                (name, v) -> typed(builder, name, v, businessZone)));
    }

    /** Sets the meter's typed attribute {@code name}; false when the name is not one. */
    private static boolean typed(Meter.Builder builder, String name, Object v, ZoneId businessZone) {
        switch (name) {
            case "_title" -> builder.title(AttributeReader.text(name, v));
            case "_tags" -> builder.tags(AttributeReader.texts(name, v));
            case "ma_lo_id" -> builder.maLoId(AttributeReader.text(name, v));
            case "meter_number" -> builder.meterNumber(AttributeReader.text(name, v));
            case "status" -> {
                MeterStatus s = AttributeReader.code(name, v, MeterStatus::fromCode, "active, decommissioned");
                builder.status(s == null ? MeterStatus.ACTIVE : s);
            }
            case "sector" -> builder.sector(AttributeReader.code(name, v, Sector::fromCode,
                    "power, water, gas, district_heating, waste_water"));
            case "meter_type" -> builder.meterType(AttributeReader.code(name, v, MeterType::fromCode, "the contract's meter types"));
            case "tariff_type" -> builder.tariffType(AttributeReader.text(name, v));
            case "used_for" -> builder.usedFor(AttributeReader.text(name, v));
            case "manufacturer" -> builder.manufacturer(AttributeReader.text(name, v));
            case "calibration_date" -> builder.calibrationDate(AttributeReader.text(name, v));
            case "customer" -> builder.customers(relations(name, v));
            case "contract" -> builder.contracts(relations(name, v));
            case "contract_periods" -> builder.contractPeriods(periods(name, v, businessZone));
            case "reading_governance" -> builder.governance(governance(name, v));
            case MeterLifecycle.INSTALLATION_DATE, MeterLifecycle.COMMISSIONING_DATE, MeterLifecycle.DECOMMISSIONED_AT -> {
                // kept as sent, among the other attributes; checked here so that the rules can read it
                String text = AttributeReader.text(name, v);
                if (text != null) {
                    MeterLifecycle.parse(text, name, businessZone, false);
                }
                return false;
            }
            case EchoMatching.ATTRIBUTE -> {
                String text = AttributeReader.text(name, v);
                if (text != null) {
                    EchoMatching.fromCode(text).orElseThrow(() -> AttributeReader.invalid(name + " must be one of "
                            + EchoMatching.codes()));
                }
                return false;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Records when a meter was decommissioned, if the change did not say (docs/domain.md#decommissioned-meters):
     * the meter is closed from that instant. A meter made active again forgets the instant.
     *
     * @param changes the attributes the change sent
     * @param now the time of the change
     */
    static Meter stampDecommissioning(Meter meter, Map<String, Object> changes, Instant now) {
        boolean stated = changes.get(MeterLifecycle.DECOMMISSIONED_AT) != null;
        boolean known = meter.attributes().get(MeterLifecycle.DECOMMISSIONED_AT) != null;
        Map<String, Object> attributes = new java.util.LinkedHashMap<>(meter.attributes());
        if (meter.isDecommissioned() && !known) {
            attributes.put(MeterLifecycle.DECOMMISSIONED_AT, now.toString());
        } else if (!meter.isDecommissioned() && known && !stated && changes.containsKey("status")) {
            attributes.remove(MeterLifecycle.DECOMMISSIONED_AT);
        } else {
            return meter;
        }
        return meter.toBuilder().attributes(attributes).build();
    }

    private static List<EntityRelation> relations(String name, Object v) {
        Map<String, Object> holder = AttributeReader.object(name, v);
        if (holder == null) {
            return List.of();
        }
        List<EntityRelation> out = new ArrayList<>();
        for (Object item : AttributeReader.array(name + ".$relation", holder.get("$relation"))) {
            Map<String, Object> rel = AttributeReader.object(name + ".$relation[]", item);
            if (rel == null) {
                throw AttributeReader.invalid(name + ".$relation[] must be an object");
            }
            String id = AttributeReader.text(name + ".$relation[].entity_id", rel.get("entity_id"));
            if (id == null) {
                throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, name + ".$relation[].entity_id is required");
            }
            out.add(new EntityRelation(id, AttributeReader.text(name + ".$relation[]._slug", rel.get("_slug"))));
        }
        return out;
    }

    private static List<ContractPeriod> periods(String name, Object v, ZoneId zone) {
        List<ContractPeriod> out = new ArrayList<>();
        for (Object item : AttributeReader.array(name, v)) {
            Map<String, Object> p = AttributeReader.object(name + "[]", item);
            if (p == null) {
                throw AttributeReader.invalid(name + "[] must be an object");
            }
            Instant start = bound(name + "[].start_date", p.get("start_date"), zone, false);
            Instant end = bound(name + "[].end_date", p.get("end_date"), zone, true);
            out.add(new ContractPeriod(start, end));
        }
        return out;
    }

    private static Instant bound(String name, Object v, ZoneId zone, boolean end) {
        String text = AttributeReader.text(name, v);
        if (text == null) {
            return null;
        }
        TimeInput in = TimeInput.parse(text, name, zone);
        if (in instanceof TimeInput.DateOnly d) {
            return (end ? d.date().plusDays(1) : d.date()).atStartOfDay(zone).toInstant();
        }
        return ((TimeInput.Exact) in).instant();
    }

    private static ReadingGovernance governance(String name, Object v) {
        Map<String, Object> g = AttributeReader.object(name, v);
        if (g == null) {
            return null;
        }
        EditMode mode = AttributeReader.code(name + ".edit_mode", g.get("edit_mode"), EditMode::fromCode, "external, approval");
        if (mode == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, name + ".edit_mode is required");
        }
        MatchStrategy strategy = AttributeReader.code(name + ".match_strategy", g.get("match_strategy"),
                MatchStrategy::fromCode, "exact, fuzzy");
        Map<String, Object> fuzzy = AttributeReader.object(name + ".fuzzy_config", g.get("fuzzy_config"));
        FuzzyConfig fuzzyConfig = fuzzy == null ? null : new FuzzyConfig(
                AttributeReader.decimal(name + ".fuzzy_config.percentage_threshold", fuzzy.get("percentage_threshold")),
                AttributeReader.decimal(name + ".fuzzy_config.absolute_threshold", fuzzy.get("absolute_threshold")));
        return new ReadingGovernance(mode, strategy, fuzzyConfig, tolerance(name + ".timestamp_tolerance", g.get("timestamp_tolerance")));
    }

    /**
     * Reads a timestamp tolerance in the contract's shapes: {@code "exact"},
     * {@code {type: same-day, timezone?}} or {@code {type: within-seconds, seconds}}.
     */
    static TimestampTolerance tolerance(String name, Object v) {
        if (v == null) {
            return null;
        }
        if ("exact".equals(v)) {
            return new TimestampTolerance.Exact();
        }
        Map<String, Object> t = AttributeReader.object(name, v);
        String type = AttributeReader.text(name + ".type", t.get("type"));
        if ("same-day".equals(type)) {
            String zone = AttributeReader.text(name + ".timezone", t.get("timezone"));
            if (zone == null) {
                return TimestampTolerance.SameDay.utc();
            }
            try {
                return new TimestampTolerance.SameDay(ZoneId.of(zone));
            } catch (DateTimeException e) {
                throw AttributeReader.invalid(name + ".timezone '" + zone + "' is not an IANA time zone");
            }
        }
        if ("within-seconds".equals(type)) {
            java.math.BigDecimal seconds = AttributeReader.decimal(name + ".seconds", t.get("seconds"));
            if (seconds == null) {
                throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, name + ".seconds is required");
            }
            try {
                return new TimestampTolerance.WithinSeconds(seconds.longValueExact());
            } catch (ArithmeticException e) {
                throw AttributeReader.invalid(name + ".seconds must be a whole number");
            }
        }
        throw AttributeReader.invalid(name + " must be 'exact', {type: same-day} or {type: within-seconds}");
    }
}
