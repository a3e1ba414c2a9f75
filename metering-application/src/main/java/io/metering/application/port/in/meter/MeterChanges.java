package io.metering.application.port.in.meter;

import io.metering.application.model.FieldChange;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.meter.MeterType;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.EchoMatching;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a request does to a meter (contract schema {@code Meter} and this product's extensions): for
 * every named field keep, clear or set; on create, keep means the default. Built by the HTTP adapter
 * from the JSON body (an absent field keeps, {@code null} clears) or with {@link #builder()}.
 *
 * @param title {@code _title}
 * @param tags {@code _tags}; clearing empties them
 * @param maLoId market location id
 * @param meterNumber the meter's serial
 * @param status lifecycle status; clearing makes the meter active
 * @param sector the measured resource
 * @param meterType the device type
 * @param tariffType free-text tariff name
 * @param usedFor usage purpose
 * @param manufacturer manufacturer
 * @param calibrationDate calibration date as given
 * @param customers the customer relations; clearing empties them
 * @param contracts the contract relations; clearing empties them
 * @param contractPeriods supply periods; clearing removes the bounds
 * @param governance changeset governance of readings; clearing makes writes direct
 * @param installationDate installation date or instant, kept as given (docs/domain.md#plausible-dates)
 * @param commissioningDate commissioning date or instant, kept as given
 * @param decommissionedAt when a decommissioned meter closed, kept as given (docs/domain.md#decommissioned-meters)
 * @param readingEcho how ERP echoes of portal readings are matched (docs/domain.md#same-reading-same-business-day)
 * @param extras every other attribute, passed through unchanged: plain JSON-like values (String,
 *     Boolean, BigDecimal, List, Map); a null value removes the attribute
 * @param named the fields the request names, for the access rule of {@link MeterField}
 */
public record MeterChanges(FieldChange<String> title, FieldChange<List<String>> tags, FieldChange<String> maLoId,
        FieldChange<String> meterNumber, FieldChange<MeterStatus> status, FieldChange<Sector> sector,
        FieldChange<MeterType> meterType, FieldChange<String> tariffType, FieldChange<String> usedFor,
        FieldChange<String> manufacturer, FieldChange<String> calibrationDate, FieldChange<List<EntityRelation>> customers,
        FieldChange<List<EntityRelation>> contracts, FieldChange<List<ContractPeriodInput>> contractPeriods,
        FieldChange<ReadingGovernance> governance, FieldChange<String> installationDate, FieldChange<String> commissioningDate,
        FieldChange<String> decommissionedAt, FieldChange<EchoMatching> readingEcho, Map<String, Object> extras,
        Set<MeterField> named) {
    /** Attributes the rules read from a meter's attributes: set only through their typed fields, where they are checked. */
    private static final Set<String> RULE_ATTRIBUTES = Set.of(MeterLifecycle.INSTALLATION_DATE, MeterLifecycle.COMMISSIONING_DATE,
            MeterLifecycle.DECOMMISSIONED_AT, EchoMatching.ATTRIBUTE);

    /** Nothing changes (declared after the attributes it is checked against). */
    public static final MeterChanges NONE = builder().build();

    /**
     * @throws NullPointerException if a field change is null (use {@link FieldChange#keep()})
     * @throws IllegalArgumentException if an extra attribute is one the rules read (use its typed field)
     */
    public MeterChanges {
        for (FieldChange<?> c : List.of(title, tags, maLoId, meterNumber, status, sector, meterType, tariffType, usedFor,
                manufacturer, calibrationDate, customers, contracts, contractPeriods, governance, installationDate,
                commissioningDate, decommissionedAt, readingEcho)) {
            Objects.requireNonNull(c, "a field change");
        }
        extras = extras == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        extras.keySet().stream().filter(RULE_ATTRIBUTES::contains).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException(name + " is a typed field of the meter, not an extra attribute");
        });
        named = named == null || named.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(named));
    }

    /** A builder where every field keeps. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects field changes; each one given also counts as named. */
    public static final class Builder {
        private FieldChange<String> title = FieldChange.keep();
        private FieldChange<List<String>> tags = FieldChange.keep();
        private FieldChange<String> maLoId = FieldChange.keep();
        private FieldChange<String> meterNumber = FieldChange.keep();
        private FieldChange<MeterStatus> status = FieldChange.keep();
        private FieldChange<Sector> sector = FieldChange.keep();
        private FieldChange<MeterType> meterType = FieldChange.keep();
        private FieldChange<String> tariffType = FieldChange.keep();
        private FieldChange<String> usedFor = FieldChange.keep();
        private FieldChange<String> manufacturer = FieldChange.keep();
        private FieldChange<String> calibrationDate = FieldChange.keep();
        private FieldChange<List<EntityRelation>> customers = FieldChange.keep();
        private FieldChange<List<EntityRelation>> contracts = FieldChange.keep();
        private FieldChange<List<ContractPeriodInput>> contractPeriods = FieldChange.keep();
        private FieldChange<ReadingGovernance> governance = FieldChange.keep();
        private FieldChange<String> installationDate = FieldChange.keep();
        private FieldChange<String> commissioningDate = FieldChange.keep();
        private FieldChange<String> decommissionedAt = FieldChange.keep();
        private FieldChange<EchoMatching> readingEcho = FieldChange.keep();
        private final Map<String, Object> extras = new LinkedHashMap<>();
        private final Set<MeterField> named = EnumSet.noneOf(MeterField.class);

        private Builder() {}

        private <T> FieldChange<T> name(MeterField field, FieldChange<T> change) {
            named.add(field);
            return Objects.requireNonNull(change, field.label());
        }

        public Builder title(FieldChange<String> v) { title = name(MeterField.TITLE, v); return this; }
        public Builder tags(FieldChange<List<String>> v) { tags = name(MeterField.TAGS, v); return this; }
        public Builder maLoId(FieldChange<String> v) { maLoId = name(MeterField.MA_LO_ID, v); return this; }
        public Builder meterNumber(FieldChange<String> v) { meterNumber = name(MeterField.METER_NUMBER, v); return this; }
        public Builder status(FieldChange<MeterStatus> v) { status = name(MeterField.STATUS, v); return this; }
        public Builder sector(FieldChange<Sector> v) { sector = name(MeterField.SECTOR, v); return this; }
        public Builder meterType(FieldChange<MeterType> v) { meterType = name(MeterField.METER_TYPE, v); return this; }
        public Builder tariffType(FieldChange<String> v) { tariffType = name(MeterField.TARIFF_TYPE, v); return this; }
        public Builder usedFor(FieldChange<String> v) { usedFor = name(MeterField.USED_FOR, v); return this; }
        public Builder manufacturer(FieldChange<String> v) { manufacturer = name(MeterField.MANUFACTURER, v); return this; }
        public Builder calibrationDate(FieldChange<String> v) { calibrationDate = name(MeterField.CALIBRATION_DATE, v); return this; }
        public Builder customers(FieldChange<List<EntityRelation>> v) { customers = name(MeterField.CUSTOMER, v); return this; }
        public Builder contracts(FieldChange<List<EntityRelation>> v) { contracts = name(MeterField.CONTRACT, v); return this; }
        public Builder contractPeriods(FieldChange<List<ContractPeriodInput>> v) {
            contractPeriods = name(MeterField.CONTRACT_PERIODS, v);
            return this;
        }
        public Builder governance(FieldChange<ReadingGovernance> v) { governance = name(MeterField.READING_GOVERNANCE, v); return this; }
        public Builder installationDate(FieldChange<String> v) { installationDate = name(MeterField.INSTALLATION_DATE, v); return this; }
        public Builder commissioningDate(FieldChange<String> v) {
            commissioningDate = name(MeterField.COMMISSIONING_DATE, v);
            return this;
        }
        public Builder decommissionedAt(FieldChange<String> v) { decommissionedAt = name(MeterField.DECOMMISSIONED_AT, v); return this; }
        public Builder readingEcho(FieldChange<EchoMatching> v) { readingEcho = name(MeterField.READING_ECHO, v); return this; }

        /**
         * Sets an extra attribute, or removes it when {@code value} is null.
         *
         * @param value a plain JSON-like value (String, Boolean, BigDecimal, List, Map), kept as given
         */
        public Builder extra(String attribute, Object value) {
            extras.put(Objects.requireNonNull(attribute, "attribute"), value);
            return this;
        }

        /** Records that the request names a field that carries no change here (an identity field, say). */
        public Builder naming(MeterField field) {
            named.add(field);
            return this;
        }

        /** @return the changes */
        public MeterChanges build() {
            return new MeterChanges(title, tags, maLoId, meterNumber, status, sector, meterType, tariffType, usedFor,
                    manufacturer, calibrationDate, customers, contracts, contractPeriods, governance, installationDate,
                    commissioningDate, decommissionedAt, readingEcho, extras, named);
        }
    }
}
