package io.metering.adapters.persistence.jdbi;

import io.metering.adapters.persistence.json.Codes;
import io.metering.adapters.persistence.json.JsonValues;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.reading.SeriesPoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The {@code reading} table's columns, their mapping to {@link Reading} and {@link SeriesPoint}, and
 * readings as parallel arrays for {@code unnest}: one statement writes any number of rows.
 */
final class ReadingRows {
    /** The columns a {@link Reading} is made of. */
    static final String COLUMNS = "counter_id, direction, ts, value, meter_id, source, reason, read_by, status, external_id,"
            + " remark, note, unit, metadata";

    /** The columns a {@link SeriesPoint} is made of. */
    static final String POINT_COLUMNS = "ts, value, reason, status";

    /** Excludes implausible readings (a reading without status is plausible). */
    static final String PLAUSIBLE = "status IS DISTINCT FROM 'implausible'";

    /**
     * The rows of the array parameters bound by {@link #bindArrays}, as a {@code FROM} item named
     * {@code u} with the columns of {@link #COLUMNS}.
     */
    static final String UNNEST = "unnest(CAST(:counterIds AS uuid[]), CAST(:directions AS text[]), CAST(:timestamps AS timestamptz[]),"
            + " CAST(:values AS numeric[]), CAST(:meterIds AS uuid[]), CAST(:sources AS text[]), CAST(:reasons AS text[]),"
            + " CAST(:readBys AS text[]), CAST(:statuses AS text[]), CAST(:externalIds AS text[]), CAST(:remarks AS text[]),"
            + " CAST(:notes AS text[]), CAST(:units AS text[]), CAST(:metadata AS jsonb[])) AS u(" + COLUMNS + ")";

    private ReadingRows() {}

    /** {@link #COLUMNS} qualified by a table alias. */
    static String columns(String alias) {
        return Arrays.stream(COLUMNS.split(",")).map(c -> alias + "." + c.trim()).collect(Collectors.joining(", "));
    }

    /**
     * Binds the readings as parallel text arrays for {@link #UNNEST} ({@link TextArray}: binary, null
     * elements are SQL NULL). Values travel as plain decimal text and are cast to {@code numeric}, so
     * they never pass through binary floating point.
     */
    static <S extends SqlStatement<S>> S bindArrays(S statement, List<Reading> readings) {
        return statement
                .bind("counterIds", TextArray.of(readings, r -> r.counterId().toString()))
                .bind("directions", TextArray.of(readings, r -> r.direction().code()))
                .bind("timestamps", TextArray.of(readings, r -> SqlInstants.stored(r.timestamp())))
                .bind("values", TextArray.of(readings, r -> r.value().toPlainString()))
                .bind("meterIds", TextArray.of(readings, r -> r.meterId().toString()))
                .bind("sources", TextArray.of(readings, r -> r.source().code()))
                .bind("reasons", TextArray.of(readings, r -> ReadingReason.textOf(r.reason())))
                .bind("readBys", TextArray.of(readings, Reading::readBy))
                .bind("statuses", TextArray.of(readings, r -> r.status() == null ? null : r.status().code()))
                .bind("externalIds", TextArray.of(readings, Reading::externalId))
                .bind("remarks", TextArray.of(readings, Reading::remark))
                .bind("notes", TextArray.of(readings, Reading::note))
                .bind("units", TextArray.of(readings, Reading::unit))
                .bind("metadata", TextArray.of(readings, r -> JsonValues.writeStrings(r.metadata())));
    }

    /** Maps a row selected with {@link #COLUMNS}. */
    static Reading map(ResultSet rs) throws SQLException {
        return new Reading(
                new MeterId(rs.getObject("meter_id", UUID.class)),
                new CounterId(rs.getObject("counter_id", UUID.class)),
                Codes.decode(Direction::fromCode, rs.getString("direction"), "reading.direction"),
                SqlInstants.read(rs, "ts"),
                rs.getBigDecimal("value"),
                Codes.decode(ReadingSource::fromCode, rs.getString("source"), "reading.source"),
                ReadingReason.of(rs.getString("reason")),
                rs.getString("read_by"),
                Codes.decode(ReadingStatus::fromCode, rs.getString("status"), "reading.status"),
                rs.getString("external_id"),
                rs.getString("remark"),
                rs.getString("note"),
                rs.getString("unit"),
                JsonValues.readStrings(rs.getString("metadata")));
    }

    /**
     * Maps the {@link #POINT_COLUMNS} of a row, each name prefixed.
     *
     * @return the point, or null when the row has none (an outer join found nothing)
     */
    static SeriesPoint point(ResultSet rs, String prefix) throws SQLException {
        Instant ts = SqlInstants.read(rs, prefix + "ts");
        if (ts == null) {
            return null;
        }
        return new SeriesPoint(ts, rs.getBigDecimal(prefix + "value"), ReadingReason.startsSegment(rs.getString(prefix + "reason")),
                ReadingStatus.IMPLAUSIBLE.code().equals(rs.getString(prefix + "status")));
    }
}
