package io.metering.adapters.persistence.jdbi;

import io.metering.adapters.persistence.json.Codes;
import io.metering.adapters.persistence.json.GovernanceDocument;
import io.metering.adapters.persistence.json.JsonValues;
import io.metering.adapters.persistence.json.MeterDocuments;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.meter.MeterType;
import io.metering.domain.meter.Sector;
import io.metering.domain.tenant.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/** The {@code meter} table's columns and their mapping to {@link Meter}. */
final class MeterRows {
    static final String COLUMNS = "org_id, id, title, tags, ma_lo_id, meter_number, status, sector, meter_type, tariff_type,"
            + " used_for, manufacturer, calibration_date, customers, contracts, customer_ids, contract_ids, contract_periods,"
            + " reading_governance, attributes, created_at, updated_at";

    /** Parameters in {@link #COLUMNS} order, with the casts text parameters need. */
    static final String VALUES = ":org, CAST(:id AS uuid), :title, :tags, :maLoId, :meterNumber, :status, :sector, :meterType,"
            + " :tariffType, :usedFor, :manufacturer, :calibrationDate, CAST(:customers AS jsonb), CAST(:contracts AS jsonb),"
            + " :customerIds, :contractIds, CAST(:contractPeriods AS jsonb), CAST(:governance AS jsonb),"
            + " CAST(:attributes AS jsonb), CAST(:createdAt AS timestamptz), CAST(:updatedAt AS timestamptz)";

    private MeterRows() {}

    /** Binds every column parameter of {@link #VALUES}. */
    static <S extends SqlStatement<S>> S bind(S statement, Meter m) {
        return statement
                .bind("org", m.org().value())
                .bind("id", m.id().toString())
                .bind("title", m.title())
                .bind("tags", TextArray.of(m.tags()))
                .bind("maLoId", m.maLoId())
                .bind("meterNumber", m.meterNumber())
                .bind("status", m.status().code())
                .bind("sector", m.sector() == null ? null : m.sector().code())
                .bind("meterType", m.meterType() == null ? null : m.meterType().code())
                .bind("tariffType", m.tariffType())
                .bind("usedFor", m.usedFor())
                .bind("manufacturer", m.manufacturer())
                .bind("calibrationDate", m.calibrationDate())
                .bind("customers", MeterDocuments.writeRelations(m.customers()))
                .bind("contracts", MeterDocuments.writeRelations(m.contracts()))
                .bind("customerIds", TextArray.of(ids(m.customers())))
                .bind("contractIds", TextArray.of(ids(m.contracts())))
                .bind("contractPeriods", MeterDocuments.writePeriods(m.contractPeriods()))
                .bind("governance", GovernanceDocument.write(m.governance()))
                .bind("attributes", JsonValues.writeMap(m.attributes()))
                .bind("createdAt", SqlInstants.stored(m.createdAt()))
                .bind("updatedAt", SqlInstants.stored(m.updatedAt()));
    }

    private static List<String> ids(List<EntityRelation> relations) {
        return relations.stream().map(EntityRelation::entityId).distinct().toList();
    }

    /** Maps a row selected with {@link #COLUMNS}. */
    static Meter map(ResultSet rs) throws SQLException {
        return map(rs, "");
    }

    /** Maps a row whose {@link #COLUMNS} are selected with {@code prefix} before each name ({@link #prefixed}). */
    static Meter map(ResultSet rs, String prefix) throws SQLException {
        return new Meter(
                new MeterId(rs.getObject(prefix + "id", UUID.class)),
                new OrganizationId(rs.getString(prefix + "org_id")),
                rs.getString(prefix + "title"),
                Arrays.asList((String[]) rs.getArray(prefix + "tags").getArray()),
                rs.getString(prefix + "ma_lo_id"),
                rs.getString(prefix + "meter_number"),
                Codes.decode(MeterStatus::fromCode, rs.getString(prefix + "status"), "meter.status"),
                Codes.decode(Sector::fromCode, rs.getString(prefix + "sector"), "meter.sector"),
                Codes.decode(MeterType::fromCode, rs.getString(prefix + "meter_type"), "meter.meter_type"),
                rs.getString(prefix + "tariff_type"),
                rs.getString(prefix + "used_for"),
                rs.getString(prefix + "manufacturer"),
                rs.getString(prefix + "calibration_date"),
                MeterDocuments.readRelations(rs.getString(prefix + "customers")),
                MeterDocuments.readRelations(rs.getString(prefix + "contracts")),
                MeterDocuments.readPeriods(rs.getString(prefix + "contract_periods")),
                GovernanceDocument.read(rs.getString(prefix + "reading_governance")),
                JsonValues.readMap(rs.getString(prefix + "attributes")),
                SqlInstants.read(rs, prefix + "created_at"),
                SqlInstants.read(rs, prefix + "updated_at"));
    }

    /** {@link #COLUMNS} of table alias {@code alias} as {@link SqlColumns#prefixed} names them. */
    static String prefixed(String alias, String prefix, String condition) {
        return SqlColumns.prefixed(COLUMNS, alias, prefix, condition);
    }
}
