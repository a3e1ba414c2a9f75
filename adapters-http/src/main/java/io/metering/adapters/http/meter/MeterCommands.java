package io.metering.adapters.http.meter;

import static io.metering.adapters.http.json.AttributeValues.change;
import static io.metering.adapters.http.json.AttributeValues.invalid;

import io.metering.adapters.http.json.AttributeValues;
import io.metering.application.port.in.meter.ContractPeriodInput;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.application.port.in.meter.MeterField;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.governance.TimestampTolerance;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.meter.MeterType;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.EchoMatching;
import io.metering.domain.time.TimeInput;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The contract's {@code Meter} body (and this product's extensions {@code contract_periods},
 * {@code reading_governance}, {@code reading_echo}) as a typed {@link MeterChanges}: where the wire
 * format of meters ends. An absent attribute keeps, {@code null} clears, a value sets; attributes
 * the service derives are ignored; every other attribute is passed through as sent.
 */
public final class MeterCommands {
    /** Attributes derived by the service; sent values are ignored. */
    static final Set<String> DERIVED = Set.of("_id", "_org", "_schema", "_created_at", "_updated_at", "last_reading",
            "current_consumption", "pending_changesets", "_type");

    private MeterCommands() {}

    /**
     * The id a create names ({@code _id}), or null for a fresh one.
     *
     * @throws InvalidRequestException {@code invalid_parameter} if it is not a UUID text
     */
    public static MeterId id(Map<String, Object> body) {
        UUID id = AttributeValues.id(body.get("_id"));
        return id == null ? null : new MeterId(id);
    }

    /**
     * The changes an update body asks for.
     *
     * @throws InvalidRequestException {@code missing_params} for an empty body, else as {@link #changes}
     */
    public static MeterChanges update(Map<String, Object> body, ZoneId businessZone) {
        if (body.isEmpty()) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "no attributes to update");
        }
        return changes(body, businessZone);
    }

    /**
     * @param body the attributes by their contract names, in body order
     * @param businessZone zone of local date-times in contract period bounds
     * @throws InvalidRequestException {@code invalid_parameter} naming the first attribute of a wrong
     *     type or value, {@code missing_params} for a required member of a nested object,
     *     {@code invalid_timestamp} for a contract period bound that is no date or instant
     */
    public static MeterChanges changes(Map<String, Object> body, ZoneId businessZone) {
        MeterChanges.Builder b = MeterChanges.builder();
        AttributeValues.walk(body, MeterJson.SCHEMA, DERIVED, (name, v) -> named(b, name, v, businessZone), b::extra);
        return b.build();
    }

    /** Takes the meter's named attribute {@code name}; false when the name is not one. */
    private static boolean named(MeterChanges.Builder b, String name, Object v, ZoneId zone) {
        switch (name) {
            case "_id" -> b.naming(MeterField.ID);
            case "_org" -> b.naming(MeterField.ORG);
            case "_schema" -> b.naming(MeterField.SCHEMA);
            case "_title" -> b.title(change(v, x -> AttributeValues.text(name, x)));
            case "_tags" -> b.tags(change(v, x -> AttributeValues.texts(name, x)));
            case "ma_lo_id" -> b.maLoId(change(v, x -> AttributeValues.text(name, x)));
            case "meter_number" -> b.meterNumber(change(v, x -> AttributeValues.text(name, x)));
            case "status" -> b.status(change(v, x -> AttributeValues.code(name, x, MeterStatus::fromCode, "active, decommissioned")));
            case "sector" -> b.sector(change(v, x -> AttributeValues.code(name, x, Sector::fromCode,
                    "power, water, gas, district_heating, waste_water")));
            case "meter_type" -> b.meterType(change(v, x -> AttributeValues.code(name, x, MeterType::fromCode, MeterType.codes())));
            case "tariff_type" -> b.tariffType(change(v, x -> AttributeValues.text(name, x)));
            case "used_for" -> b.usedFor(change(v, x -> AttributeValues.text(name, x)));
            case "manufacturer" -> b.manufacturer(change(v, x -> AttributeValues.text(name, x)));
            case "calibration_date" -> b.calibrationDate(change(v, x -> AttributeValues.text(name, x)));
            case "customer" -> b.customers(change(v, x -> relations(name, x)));
            case "contract" -> b.contracts(change(v, x -> relations(name, x)));
            case "contract_periods" -> b.contractPeriods(change(v, x -> periods(name, x, zone)));
            case "reading_governance" -> b.governance(change(v, x -> governance(name, x)));
            case "installation_date" -> b.installationDate(change(v, x -> AttributeValues.text(name, x)));
            case "commissioning_date" -> b.commissioningDate(change(v, x -> AttributeValues.text(name, x)));
            case "decommissioned_at" -> b.decommissionedAt(change(v, x -> AttributeValues.text(name, x)));
            case "reading_echo" -> b.readingEcho(change(v, x -> {
                String text = AttributeValues.text(name, x);
                return EchoMatching.fromCode(text).orElseThrow(() -> invalid(name + " must be one of " + EchoMatching.codes()));
            }));
            case "me_lo_id" -> {
                // an extra attribute, but imports find meters by it as text (docs/import-export.md "Keys")
                AttributeValues.text(name, v);
                return false;
            }
            case "journey_actions" -> {
                // passed through with the extra attributes, but named: the portal may not change it
                b.naming(MeterField.JOURNEY_ACTIONS);
                return false;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static List<EntityRelation> relations(String name, Object v) {
        Map<String, Object> holder = AttributeValues.object(name, v);
        List<EntityRelation> out = new ArrayList<>();
        for (Object item : AttributeValues.array(name + ".$relation", holder.get("$relation"))) {
            Map<String, Object> rel = AttributeValues.object(name + ".$relation[]", item);
            if (rel == null) {
                throw invalid(name + ".$relation[] must be an object");
            }
            String id = AttributeValues.text(name + ".$relation[].entity_id", rel.get("entity_id"));
            if (id == null) {
                throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, name + ".$relation[].entity_id is required");
            }
            out.add(new EntityRelation(id, AttributeValues.text(name + ".$relation[]._slug", rel.get("_slug"))));
        }
        return out;
    }

    private static List<ContractPeriodInput> periods(String name, Object v, ZoneId zone) {
        List<ContractPeriodInput> out = new ArrayList<>();
        for (Object item : AttributeValues.array(name, v)) {
            Map<String, Object> p = AttributeValues.object(name + "[]", item);
            if (p == null) {
                throw invalid(name + "[] must be an object");
            }
            out.add(new ContractPeriodInput(bound(name + "[].start_date", p.get("start_date"), zone),
                    bound(name + "[].end_date", p.get("end_date"), zone)));
        }
        return out;
    }

    private static TimeInput bound(String name, Object v, ZoneId zone) {
        String text = AttributeValues.text(name, v);
        return text == null ? null : TimeInput.parse(text, name, zone);
    }

    private static ReadingGovernance governance(String name, Object v) {
        Map<String, Object> g = AttributeValues.object(name, v);
        EditMode mode = AttributeValues.code(name + ".edit_mode", g.get("edit_mode"), EditMode::fromCode, "external, approval");
        if (mode == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, name + ".edit_mode is required");
        }
        MatchStrategy strategy = AttributeValues.code(name + ".match_strategy", g.get("match_strategy"),
                MatchStrategy::fromCode, "exact, fuzzy");
        Map<String, Object> fuzzy = AttributeValues.object(name + ".fuzzy_config", g.get("fuzzy_config"));
        FuzzyConfig fuzzyConfig = fuzzy == null ? null : new FuzzyConfig(
                AttributeValues.decimal(name + ".fuzzy_config.percentage_threshold", fuzzy.get("percentage_threshold")),
                AttributeValues.decimal(name + ".fuzzy_config.absolute_threshold", fuzzy.get("absolute_threshold")));
        return new ReadingGovernance(mode, strategy, fuzzyConfig, tolerance(name + ".timestamp_tolerance", g.get("timestamp_tolerance")));
    }

    /**
     * Reads a timestamp tolerance in the contract's shapes: {@code "exact"},
     * {@code {type: same-day, timezone?}} or {@code {type: within-seconds, seconds}}.
     */
    private static TimestampTolerance tolerance(String name, Object v) {
        if (v == null) {
            return null;
        }
        if ("exact".equals(v)) {
            return new TimestampTolerance.Exact();
        }
        Map<String, Object> t = AttributeValues.object(name, v);
        String type = AttributeValues.text(name + ".type", t.get("type"));
        if ("same-day".equals(type)) {
            String zone = AttributeValues.text(name + ".timezone", t.get("timezone"));
            if (zone == null) {
                return TimestampTolerance.SameDay.utc();
            }
            try {
                return new TimestampTolerance.SameDay(ZoneId.of(zone));
            } catch (DateTimeException e) {
                throw invalid(name + ".timezone '" + zone + "' is not an IANA time zone");
            }
        }
        if ("within-seconds".equals(type)) {
            BigDecimal seconds = AttributeValues.decimal(name + ".seconds", t.get("seconds"));
            if (seconds == null) {
                throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, name + ".seconds is required");
            }
            try {
                return new TimestampTolerance.WithinSeconds(seconds.longValueExact());
            } catch (ArithmeticException e) {
                throw invalid(name + ".seconds must be a whole number");
            }
        }
        throw invalid(name + " must be 'exact', {type: same-day} or {type: within-seconds}");
    }
}
