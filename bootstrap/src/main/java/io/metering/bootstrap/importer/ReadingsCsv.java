package io.metering.bootstrap.importer;

import io.metering.application.port.in.ReadingInput;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.time.TimeInput;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The import file format of readings (README "Bulk import"): UTF-8 CSV (RFC 4180 quoting), a
 * header row naming the columns in any order, one reading per row.
 *
 * <table>
 *   <caption>columns</caption>
 *   <tr><td>{@code meter_id}</td><td>required, UUID</td></tr>
 *   <tr><td>{@code counter_id}</td><td>UUID; empty: the meter's only counter</td></tr>
 *   <tr><td>{@code direction}</td><td>{@code feed-in} or {@code feed-out}; empty: derived as the API does</td></tr>
 *   <tr><td>{@code timestamp}</td><td>required; as the API takes it ({@code 2024-01-01T00:00:00Z},
 *       a date alone is 00:00 UTC, a local date-time is read in the business time zone)</td></tr>
 *   <tr><td>{@code value}</td><td>required, a plain decimal such as {@code 1250.5}</td></tr>
 *   <tr><td>{@code source}</td><td>{@code ERP} (the default when the column is absent or empty), {@code ECP},
 *       {@code 360}, {@code journey-submission}</td></tr>
 *   <tr><td>{@code reason}, {@code status}, {@code external_id}, {@code read_by}, {@code remark},
 *       {@code note}, {@code unit}</td><td>optional, as in the API</td></tr>
 * </table>
 * Unknown columns are refused, so a misspelt optional column is not silently dropped. Rows are
 * parsed lazily: the file is never held in memory.
 */
public final class ReadingsCsv implements Iterator<ReadingInput>, AutoCloseable {
    /** Every column the format knows. */
    public static final List<String> COLUMNS = List.of("meter_id", "counter_id", "direction", "timestamp", "value", "source",
            "reason", "status", "external_id", "read_by", "remark", "note", "unit");

    private static final Set<String> REQUIRED = Set.of("meter_id", "timestamp", "value");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> header;
    private final ZoneId businessZone;

    /**
     * Reads the header.
     *
     * @param in the file's text
     * @param businessZone the zone of local date-times without offset
     * @throws ImportException if the header lacks a required column or names an unknown one
     */
    public ReadingsCsv(Reader in, ZoneId businessZone) {
        this.businessZone = businessZone;
        try {
            this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.header = parser.getHeaderMap();
        Set<String> unknown = new HashSet<>(header.keySet());
        COLUMNS.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new ImportException("unknown column(s) " + unknown + "; the columns are " + COLUMNS, null);
        }
        Set<String> missing = new HashSet<>(REQUIRED);
        missing.removeAll(header.keySet());
        if (!missing.isEmpty()) {
            throw new ImportException("missing column(s) " + missing + " in the header line", null);
        }
        this.records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new ImportException("cannot read the file: " + e.getMessage(), e);
        }
    }

    /**
     * @throws InvalidRequestException naming the line, for a malformed row
     */
    @Override
    public ReadingInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord r = records.next();
        try {
            if (r.size() != header.size()) {
                throw new InvalidRequestException(RejectionReason.INVALID_BODY,
                        r.size() + " fields where the header names " + header.size());
            }
            return new ReadingInput(uuid(r, "meter_id").map(MeterId::new).orElse(null), uuid(r, "counter_id").map(CounterId::new).orElse(null),
                    code(r, "direction", Direction::fromCode, "feed-in, feed-out"), timestamp(r), value(r),
                    Optional.ofNullable(code(r, "source", ReadingSource::fromCode, "ERP, ECP, 360, journey-submission"))
                            .orElse(ReadingSource.ERP),
                    reason(r), text(r, "read_by"), code(r, "status", ReadingStatus::fromCode, "valid, in-validation, implausible"),
                    text(r, "external_id"), text(r, "remark"), text(r, "note"), text(r, "unit"), Map.of());
        } catch (InvalidRequestException e) {
            throw e.at("line " + r.getParser().getCurrentLineNumber());
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field, or null when the column is absent or the field empty. */
    private String text(CSVRecord r, String column) {
        Integer i = header.get(column);
        if (i == null) {
            return null;
        }
        String v = r.get(i);
        return v.isEmpty() ? null : v;
    }

    private Optional<UUID> uuid(CSVRecord r, String column) {
        String v = text(r, column);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(v));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, column + " '" + v + "' is not a UUID");
        }
    }

    private <E> E code(CSVRecord r, String column, Function<String, Optional<E>> lookup, String allowed) {
        String v = text(r, column);
        if (v == null) {
            return null;
        }
        return lookup.apply(v).orElseThrow(() -> new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                column + " must be one of " + allowed + ", not '" + v + "'"));
    }

    private Instant timestamp(CSVRecord r) {
        String v = text(r, "timestamp");
        if (v == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "timestamp is required");
        }
        return TimeInput.readingInstant(v, "timestamp", businessZone);
    }

    private BigDecimal value(CSVRecord r) {
        String v = text(r, "value");
        if (v == null) {
            return null; // ReadingInput refuses it with missing_params
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(RejectionReason.INVALID_VALUE, "value '" + v + "' is not a decimal number");
        }
    }

    private String reason(CSVRecord r) {
        String v = text(r, "reason");
        if (v != null && !ReadingReason.KNOWN.contains(v)) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "reason must be one of " + ReadingReason.KNOWN
                    + ", not '" + v + "'");
        }
        return v;
    }
}
