package io.metering.adapters.persistence.jdbi;

import io.metering.adapters.persistence.json.Codes;
import io.metering.adapters.persistence.json.JsonValues;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/** The {@code counter} table's columns and their mapping to {@link Counter}. */
final class CounterRows {
    static final String COLUMNS = "org_id, id, meter_id, title, obis_number, direction, tariff_type, unit, transformer_ratio,"
            + " conversion_factor, register_capacity, attributes, created_at, updated_at";

    /** Parameters in {@link #COLUMNS} order, with the casts text parameters need. */
    static final String VALUES = ":org, CAST(:id AS uuid), CAST(:meterId AS uuid), :title, :obisNumber, :direction, :tariffType,"
            + " :unit, :transformerRatio, :conversionFactor, :registerCapacity, CAST(:attributes AS jsonb),"
            + " CAST(:createdAt AS timestamptz), CAST(:updatedAt AS timestamptz)";

    private CounterRows() {}

    /** Binds every column parameter of {@link #VALUES}; decimals bind as exact {@code numeric}. */
    static <S extends SqlStatement<S>> S bind(S statement, Counter c) {
        return statement
                .bind("org", c.org().value())
                .bind("id", c.id().toString())
                .bind("meterId", c.meterId().toString())
                .bind("title", c.title())
                .bind("obisNumber", c.obisNumber())
                .bind("direction", c.direction() == null ? null : c.direction().code())
                .bind("tariffType", c.tariffType() == null ? null : c.tariffType().code())
                .bind("unit", c.unit())
                .bind("transformerRatio", c.transformerRatio())
                .bind("conversionFactor", c.conversionFactor())
                .bind("registerCapacity", c.registerCapacity())
                .bind("attributes", JsonValues.writeMap(c.attributes()))
                .bind("createdAt", SqlInstants.stored(c.createdAt()))
                .bind("updatedAt", SqlInstants.stored(c.updatedAt()));
    }

    /** Maps a row selected with {@link #COLUMNS}. */
    static Counter map(ResultSet rs) throws SQLException {
        return map(rs, "");
    }

    /** Maps a row whose {@link #COLUMNS} are selected with {@code prefix} before each name ({@link #prefixed}). */
    static Counter map(ResultSet rs, String prefix) throws SQLException {
        return new Counter(
                new CounterId(rs.getObject(prefix + "id", UUID.class)),
                new OrganizationId(rs.getString(prefix + "org_id")),
                new MeterId(rs.getObject(prefix + "meter_id", UUID.class)),
                rs.getString(prefix + "title"),
                rs.getString(prefix + "obis_number"),
                Codes.decode(Direction::fromCode, rs.getString(prefix + "direction"), "counter.direction"),
                Codes.decode(TariffType::fromCode, rs.getString(prefix + "tariff_type"), "counter.tariff_type"),
                rs.getString(prefix + "unit"),
                rs.getBigDecimal(prefix + "transformer_ratio"),
                rs.getBigDecimal(prefix + "conversion_factor"),
                rs.getBigDecimal(prefix + "register_capacity"),
                JsonValues.readMap(rs.getString(prefix + "attributes")),
                SqlInstants.read(rs, prefix + "created_at"),
                SqlInstants.read(rs, prefix + "updated_at"));
    }

    /** {@link #COLUMNS} of table alias {@code alias} as {@link SqlColumns#prefixed} names them. */
    static String prefixed(String alias, String prefix, String condition) {
        return SqlColumns.prefixed(COLUMNS, alias, prefix, condition);
    }
}
