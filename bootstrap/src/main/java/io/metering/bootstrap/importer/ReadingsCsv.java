package io.metering.bootstrap.importer;

import io.metering.application.model.CounterLocator;
import io.metering.application.model.MeterKey;
import io.metering.application.model.ReadingInput;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.time.TimeInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The import file format of readings (docs/import-export.md): UTF-8 CSV (RFC 4180 quoting), a
 * header row naming the columns in any order, one reading per row.
 *
 * <table>
 *   <caption>columns</caption>
 *   <tr><td>{@code meter_id}</td><td>the meter's UUID</td></tr>
 *   <tr><td>{@code ma_lo_id}, {@code me_lo_id}, {@code meter_number}</td><td>the meter by the user's
 *       identifiers ({@link CounterLocator}); each row names its meter by at least one key column, and
 *       keys of one row must name the same meter</td></tr>
 *   <tr><td>{@code counter_id}</td><td>UUID; empty: the meter's only counter</td></tr>
 *   <tr><td>{@code obis_number}</td><td>the counter by its OBIS code on the meter; with {@code counter_id},
 *       both must name the same counter</td></tr>
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
 * parsed lazily ({@link CsvRecords}): the file is never held in memory. Separator and decimal mark
 * follow the {@link CsvDialect}.
 */
public final class ReadingsCsv implements Iterator<ReadingInput>, AutoCloseable {
    /** Every column the format knows. */
    public static final List<String> COLUMNS = List.of("meter_id", "ma_lo_id", "me_lo_id", "meter_number", "counter_id",
            "obis_number", "direction", "timestamp", "value", "source", "reason", "status", "external_id", "read_by", "remark",
            "note", "unit");

    private static final Set<String> REQUIRED = Set.of("timestamp", "value");
    /** The columns that name a meter, in the order a row's keys are tried. */
    private static final List<MeterKey.Kind> METER_KEYS = List.of(MeterKey.Kind.METER_ID, MeterKey.Kind.MA_LO_ID,
            MeterKey.Kind.ME_LO_ID, MeterKey.Kind.METER_NUMBER);

    private final Reader in;
    private final CsvRecords records;
    private final RowLines rowLines = new RowLines();
    private long handedOver;
    private final Map<String, Integer> header;
    private final ZoneId businessZone;
    private final CsvDialect dialect;
    /** The position of each meter key column ({@link #METER_KEYS} order), -1 when the header does not name it. */
    private final int[] meterKeys;
    private final int obisNumber;
    private CounterLocator locator;
    /** The position of each known column in a record, -1 when the header does not name it. */
    private final int counterId;
    private final int direction;
    private final int timestamp;
    private final int value;
    private final int source;
    private final int reason;
    private final int status;
    private final int externalId;
    private final int readBy;
    private final int remark;
    private final int note;
    private final int unit;
    private List<String> nextRecord;
    /** The last timestamp text and its instant: files list many readings of one instant in a row. */
    private String lastTimestampText;
    private Instant lastTimestamp;

    /**
     * Reads the header.
     *
     * @param in the file's text
     * @param businessZone the zone of local date-times without offset
     * @throws ImportException if the header lacks a required column or names an unknown one
     */
    public ReadingsCsv(Reader in, ZoneId businessZone) {
        this(in, businessZone, CsvDialect.SNIFF);
    }

    /**
     * Reads the header.
     *
     * @param in the file's text
     * @param businessZone the zone of local date-times without offset
     * @param dialect separator and decimal mark, or what to find from the header
     * @throws ImportException if the header lacks a required column or names an unknown one
     */
    public ReadingsCsv(Reader in, ZoneId businessZone, CsvDialect dialect) {
        BufferedReader buffered = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        this.in = buffered;
        this.businessZone = businessZone;
        try {
            this.dialect = dialect.settle(buffered);
        } catch (IOException e) {
            throw new ImportException("cannot read the file: " + e.getMessage(), e);
        }
        this.records = new CsvRecords(buffered, this.dialect.separator());
        List<String> names;
        try {
            names = read();
        } catch (InvalidRequestException e) {
            throw new ImportException(e.getMessage(), e); // a quote left open in the header line
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; names != null && i < names.size(); i++) {
            if (columns.put(names.get(i), i) != null) {
                throw new ImportException("the header names column " + names.get(i) + " twice", null);
            }
        }
        this.header = Map.copyOf(columns);
        Set<String> unknown = new HashSet<>(header.keySet());
        COLUMNS.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new ImportException("unknown column(s) " + shown(unknown) + "; the columns are " + COLUMNS, null);
        }
        Set<String> missing = new HashSet<>(REQUIRED);
        missing.removeAll(header.keySet());
        if (!missing.isEmpty()) {
            throw new ImportException("missing column(s) " + missing + " in the header line", null);
        }
        meterKeys = METER_KEYS.stream().mapToInt(k -> column(k.field())).toArray();
        if (java.util.Arrays.stream(meterKeys).allMatch(c -> c < 0)) {
            throw new ImportException("missing column: the header names none of meter_id, ma_lo_id, me_lo_id, meter_number", null);
        }
        obisNumber = column("obis_number");
        counterId = column("counter_id");
        direction = column("direction");
        timestamp = column("timestamp");
        value = column("value");
        source = column("source");
        reason = column("reason");
        status = column("status");
        externalId = column("external_id");
        readBy = column("read_by");
        remark = column("remark");
        note = column("note");
        unit = column("unit");
    }

    /** The separator and decimal mark this file is read with. */
    public CsvDialect dialect() {
        return dialect;
    }

    /**
     * The line data row {@code row} (0-based, {@code readings[i]}) starts on, for a refusal that names
     * only the row; empty for a row not read yet. Safe to call from another thread than the reader's.
     */
    public OptionalLong lineOf(long row) {
        return rowLines.lineOf(row);
    }

    /** Whether rows name meters or counters by keys other than our ids, so that {@link #locateWith} is needed. */
    public boolean needsLocator() {
        return obisNumber >= 0 || java.util.Arrays.stream(meterKeys, 1, meterKeys.length).anyMatch(c -> c >= 0);
    }

    /**
     * Sets what finds meters and counters by the user's keys, before the first row is read.
     *
     * @return this
     */
    public ReadingsCsv locateWith(CounterLocator locator) {
        this.locator = locator;
        return this;
    }

    /** Header names as a message shows them: a few, each cut short (a file that is not CSV has one huge "name"). */
    private static String shown(Set<String> names) {
        return names.stream().sorted().limit(5)
                .map(n -> n.length() > 40 ? n.substring(0, 40) + "..." : n)
                .collect(java.util.stream.Collectors.joining(", ", "[", names.size() > 5 ? ", ...]" : "]"));
    }

    private int column(String name) {
        return header.getOrDefault(name, -1);
    }

    private List<String> read() {
        try {
            return records.next();
        } catch (IOException e) {
            throw new ImportException("cannot read the file: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        if (nextRecord == null) {
            nextRecord = read();
        }
        return nextRecord != null;
    }

    /**
     * @throws InvalidRequestException naming the line, for a malformed row
     */
    @Override
    public ReadingInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<String> r = nextRecord;
        nextRecord = null;
        rowLines.record(handedOver++, records.recordLine());
        try {
            if (r.size() != header.size()) {
                throw new InvalidRequestException(ImportFileReason.MALFORMED_FILE,
                        r.size() + " fields where the header names " + header.size());
            }
            MeterId meter = meter(r);
            Direction dir = code(r, direction, "direction", Direction::fromCode, "feed-in, feed-out");
            return new ReadingInput(meter, counter(r, meter, dir), dir, timestamp(r), value(r),
                    Optional.ofNullable(code(r, source, "source", ReadingSource::fromCode, "ERP, ECP, 360, journey-submission"))
                            .orElse(ReadingSource.ERP),
                    reason(r), text(r, readBy), code(r, status, "status", ReadingStatus::fromCode, "valid, in-validation, implausible"),
                    text(r, externalId), text(r, remark), text(r, note), text(r, unit), Map.of());
        } catch (InvalidRequestException e) {
            throw e.at("line " + records.recordLine());
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The field, or null when the column is absent or the field empty. */
    private static String text(List<String> r, int column) {
        if (column < 0) {
            return null;
        }
        String v = r.get(column);
        return v.isEmpty() ? null : v;
    }

    /** The meter the row's key columns name; several keys must agree. */
    private MeterId meter(List<String> r) {
        MeterId found = null;
        MeterKey foundBy = null;
        for (int k = 0; k < meterKeys.length; k++) {
            String v = text(r, meterKeys[k]);
            if (v == null) {
                continue;
            }
            MeterKey key = new MeterKey(METER_KEYS.get(k), v);
            MeterId id = key.kind() == MeterKey.Kind.METER_ID && locator == null
                    ? uuid(r, meterKeys[k], "meter_id").map(MeterId::new).orElseThrow() : locator().meter(key);
            if (found != null && !found.equals(id)) {
                throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                        foundBy + " and " + key + " name different meters (" + found + ", " + id + ")");
            }
            found = id;
            foundBy = key;
        }
        if (found == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS,
                    "the row names no meter: meter_id, ma_lo_id, me_lo_id or meter_number is required");
        }
        return found;
    }

    /** The counter the row names by id or OBIS code (both must agree), or null for the meter's only counter. */
    private CounterId counter(List<String> r, MeterId meter, Direction dir) {
        CounterId byId = uuid(r, counterId, "counter_id").map(CounterId::new).orElse(null);
        String obis = text(r, obisNumber);
        if (obis == null) {
            return byId;
        }
        CounterId byObis = locator().counter(meter, obis, dir);
        if (byId != null && !byId.equals(byObis)) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                    "counter_id " + byId + " is not the counter with OBIS code '" + obis + "' (" + byObis + ")");
        }
        return byObis;
    }

    private CounterLocator locator() {
        if (locator == null) {
            throw new IllegalStateException("rows name meters or counters by key; call locateWith first");
        }
        return locator;
    }

    private static Optional<UUID> uuid(List<String> r, int column, String name) {
        String v = text(r, column);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(v));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, name + " '" + v + "' is not a UUID");
        }
    }

    private static <E> E code(List<String> r, int column, String name, Function<String, Optional<E>> lookup, String allowed) {
        String v = text(r, column);
        if (v == null) {
            return null;
        }
        return lookup.apply(v).orElseThrow(() -> new InvalidRequestException(RejectionReason.INVALID_PARAMETER,
                name + " must be one of " + allowed + ", not '" + v + "'"));
    }

    private Instant timestamp(List<String> r) {
        String v = text(r, timestamp);
        if (v == null) {
            throw new InvalidRequestException(RejectionReason.MISSING_PARAMS, "timestamp is required");
        }
        if (!v.equals(lastTimestampText)) {
            lastTimestamp = TimeInput.readingInstant(v, "timestamp", businessZone);
            lastTimestampText = v;
        }
        return lastTimestamp;
    }

    private BigDecimal value(List<String> r) {
        String v = text(r, value);
        if (v == null) {
            return null; // ReadingInput refuses it with missing_params
        }
        return dialect.decimal(v, "value");
    }

    private ReadingReason reason(List<String> r) {
        ReadingReason v = ReadingReason.of(text(r, reason));
        if (v != null && !v.isKnown()) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "reason must be one of " + ReadingReason.KNOWN
                    + ", not '" + v + "'");
        }
        return v;
    }
}
