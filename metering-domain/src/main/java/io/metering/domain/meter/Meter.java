package io.metering.domain.meter;

import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A meter: a device measuring one resource, owned by one organization (docs/domain.md#terms; contract
 * schema {@code Meter}).
 *
 * <p>Attributes the contract names are typed fields; any other attribute a client sends is kept in
 * {@link #attributes()} as plain JSON-like values (String, Boolean, BigDecimal, null, List, Map) and
 * returned as it came.
 *
 * @param id identity
 * @param org owning organization
 * @param title {@code _title}, may be null
 * @param tags {@code _tags}
 * @param maLoId market location id ({@code ma_lo_id}), may be null
 * @param meterNumber the meter's serial ({@code meter_number}), may be null
 * @param status lifecycle status
 * @param sector the measured resource, may be null
 * @param meterType the device type, may be null
 * @param tariffType free-text tariff name of the meter, may be null
 * @param usedFor usage purpose, may be null
 * @param manufacturer manufacturer, may be null
 * @param calibrationDate calibration date as given, may be null
 * @param customers {@code customer.$relation}: the contacts whose portal users see this meter
 * @param contracts {@code contract.$relation}: the contracts whose portal users see this meter
 * @param contractPeriods supply periods bounding accepted readings; empty means unbounded
 * @param governance changeset governance of readings, null when readings are written directly
 * @param attributes every other attribute, as sent
 * @param createdAt {@code _created_at}
 * @param updatedAt {@code _updated_at}
 */
public record Meter(
        MeterId id,
        OrganizationId org,
        String title,
        List<String> tags,
        String maLoId,
        String meterNumber,
        MeterStatus status,
        Sector sector,
        MeterType meterType,
        String tariffType,
        String usedFor,
        String manufacturer,
        String calibrationDate,
        List<EntityRelation> customers,
        List<EntityRelation> contracts,
        List<ContractPeriod> contractPeriods,
        ReadingGovernance governance,
        Map<String, Object> attributes,
        Instant createdAt,
        Instant updatedAt) {

    /** @throws NullPointerException if id, org, status or a timestamp is null */
    public Meter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = tags == null ? List.of() : List.copyOf(tags);
        customers = customers == null ? List.of() : List.copyOf(customers);
        contracts = contracts == null ? List.of() : List.copyOf(contracts);
        contractPeriods = contractPeriods == null ? List.of() : List.copyOf(contractPeriods);
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * Whether the meter is decommissioned: closed to readings after its decommissioning instant
     * ({@link MeterLifecycle#closedAt}, docs/domain.md#decommissioned-meters).
     */
    public boolean isDecommissioned() {
        return status == MeterStatus.DECOMMISSIONED;
    }

    /** Whether reading writes are governed by changesets (docs/domain.md#changesets). */
    public boolean isGoverned() {
        return governance != null;
    }

    /** The sector, if known. */
    public Optional<Sector> sectorIfKnown() {
        return Optional.ofNullable(sector);
    }

    /**
     * Whether a portal user with this contact id and these contract ids may see the meter: its
     * customer relation names the contact, or its contract relation names one of the contracts
     * (docs/domain.md#who-may-do-what).
     *
     * @param contactId the portal user's contact id, may be null
     * @param contractIds the portal user's contract ids
     */
    public boolean isReachableBy(String contactId, Set<String> contractIds) {
        boolean byContact = contactId != null && customers.stream().anyMatch(r -> r.entityId().equals(contactId));
        return byContact || contracts.stream().anyMatch(r -> contractIds.contains(r.entityId()));
    }

    /**
     * Whether a reading at this instant lies inside the meter's contract periods; always true when
     * none are declared.
     */
    public boolean acceptsReadingAt(Instant t) {
        return contractPeriods.isEmpty() || contractPeriods.stream().anyMatch(p -> p.contains(t));
    }

    /** A builder pre-filled with this meter's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder for a new meter. */
    public static Builder builder(MeterId id, OrganizationId org, Instant createdAt) {
        return new Builder(id, org, createdAt);
    }

    /**
     * A builder for a meter that only rules look at (docs/domain-library.md): organization
     * {@link OrganizationId#STANDALONE}, created at {@link Instant#EPOCH}, active, no sector.
     *
     * @param id the meter's id, e.g. {@link MeterId#random()}
     * @return the builder
     */
    public static Builder builder(MeterId id) {
        return new Builder(id, OrganizationId.STANDALONE, Instant.EPOCH);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private final MeterId id;
        private final OrganizationId org;
        private final Instant createdAt;
        private String title;
        private List<String> tags = List.of();
        private String maLoId;
        private String meterNumber;
        private MeterStatus status = MeterStatus.ACTIVE;
        private Sector sector;
        private MeterType meterType;
        private String tariffType;
        private String usedFor;
        private String manufacturer;
        private String calibrationDate;
        private List<EntityRelation> customers = List.of();
        private List<EntityRelation> contracts = List.of();
        private List<ContractPeriod> contractPeriods = List.of();
        private ReadingGovernance governance;
        private Map<String, Object> attributes = Map.of();
        private Instant updatedAt;

        private Builder(MeterId id, OrganizationId org, Instant createdAt) {
            this.id = id;
            this.org = org;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }

        private Builder(Meter m) {
            this(m.id, m.org, m.createdAt);
            title = m.title;
            tags = m.tags;
            maLoId = m.maLoId;
            meterNumber = m.meterNumber;
            status = m.status;
            sector = m.sector;
            meterType = m.meterType;
            tariffType = m.tariffType;
            usedFor = m.usedFor;
            manufacturer = m.manufacturer;
            calibrationDate = m.calibrationDate;
            customers = m.customers;
            contracts = m.contracts;
            contractPeriods = m.contractPeriods;
            governance = m.governance;
            attributes = m.attributes;
            updatedAt = m.updatedAt;
        }

        public Builder title(String v) { title = v; return this; }
        public Builder tags(List<String> v) { tags = v; return this; }
        public Builder maLoId(String v) { maLoId = v; return this; }
        public Builder meterNumber(String v) { meterNumber = v; return this; }
        public Builder status(MeterStatus v) { status = v; return this; }
        public Builder sector(Sector v) { sector = v; return this; }
        public Builder meterType(MeterType v) { meterType = v; return this; }
        public Builder tariffType(String v) { tariffType = v; return this; }
        public Builder usedFor(String v) { usedFor = v; return this; }
        public Builder manufacturer(String v) { manufacturer = v; return this; }
        public Builder calibrationDate(String v) { calibrationDate = v; return this; }
        public Builder customers(List<EntityRelation> v) { customers = v; return this; }
        public Builder contracts(List<EntityRelation> v) { contracts = v; return this; }
        public Builder contractPeriods(List<ContractPeriod> v) { contractPeriods = v; return this; }
        public Builder governance(ReadingGovernance v) { governance = v; return this; }
        public Builder attributes(Map<String, Object> v) { attributes = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }

        /** @return the meter */
        public Meter build() {
            return new Meter(id, org, title, tags, maLoId, meterNumber, status, sector, meterType, tariffType, usedFor,
                    manufacturer, calibrationDate, customers, contracts, contractPeriods, governance, attributes,
                    createdAt, updatedAt);
        }
    }
}
