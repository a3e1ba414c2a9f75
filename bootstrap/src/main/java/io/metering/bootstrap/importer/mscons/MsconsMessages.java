package io.metering.bootstrap.importer.mscons;

import io.metering.application.model.MeterKey;
import io.metering.application.model.MeteredMessage;
import io.metering.application.model.MeteredSeries;
import io.metering.application.model.MeteredValue;
import io.metering.bootstrap.importer.ImportFileReason;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The MSCONS segments the import reads (docs/load-profiles.md "MSCONS"), in interchange order:
 * {@code UNH} (message type MSCONS, versions 2.2 and later), {@code BGM} (document number),
 * {@code LOC+172} (the metering point: an 11-digit MaLo id or a 33-character MeLo id), {@code PIA+5}
 * (the OBIS code), {@code QTY} (qualifier and quantity) and the {@code DTM}s after it: {@code 163}
 * and {@code 164} bound an interval value, a single {@code 7}, {@code 9} or {@code 306} dates a
 * register reading. Date formats 303 (with offset), 203 and 102 (UTC) are read. Other segments are
 * passed over.
 */
final class MsconsMessages {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuuMMddHHmm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final Set<String> READING_INSTANT = Set.of("7", "9", "306");

    private final List<MeteredMessage> messages = new ArrayList<>();
    private List<MeteredSeries> series;
    private String reference;
    private MeterKey location;
    private String locationAt;
    private String obis;
    private String obisAt;
    private List<MeteredValue> values;
    /** The quantity whose dates are being read. */
    private String qualifier;
    private BigDecimal quantity;
    private String quantityAt;
    private Instant start;
    private Instant end;
    private Instant instant;

    void segment(int position, String tag, List<List<String>> e) {
        String at = "segment " + position;
        switch (tag) {
            case "UNH" -> open(at, e);
            case "BGM" -> reference = field(e, 2, 1);
            case "LOC" -> {
                if (message() && "172".equals(field(e, 1, 1))) {
                    closeSeries();
                    location = location(at, field(e, 2, 1));
                    locationAt = at;
                    obis = null;
                }
            }
            case "LIN" -> closeSeries();
            case "PIA" -> {
                if (message() && "5".equals(field(e, 1, 1))) {
                    closeSeries();
                    if (location == null) {
                        throw new InvalidRequestException(ImportFileReason.MALFORMED_FILE, at + ": PIA without a LOC+172 metering point before it");
                    }
                    obis = field(e, 2, 1);
                    obisAt = at;
                    values = new ArrayList<>();
                }
            }
            case "QTY" -> {
                if (message() && obis != null) {
                    closeValue();
                    qualifier = field(e, 1, 1);
                    quantity = decimal(at, field(e, 1, 2));
                    quantityAt = at;
                }
            }
            case "DTM" -> {
                if (quantity != null) {
                    date(at, field(e, 1, 1), field(e, 1, 2), field(e, 1, 3));
                }
            }
            case "UNT" -> close();
            default -> {
                // UNB, UNZ, NAD, RFF, UNS, CCI ... carry nothing the import stores
            }
        }
    }

    /** The messages, once the interchange has ended. */
    List<MeteredMessage> done(int segments) {
        if (series != null) {
            throw new InvalidRequestException(ImportFileReason.MALFORMED_FILE, "segment " + segments + ": the message has no UNT");
        }
        if (messages.isEmpty()) {
            throw new InvalidRequestException(RejectionReason.UNSUPPORTED_FORMAT, "segment " + segments + ": the interchange holds no message");
        }
        return List.copyOf(messages);
    }

    private boolean message() {
        return series != null;
    }

    private void open(String at, List<List<String>> e) {
        String type = field(e, 2, 1);
        String release = field(e, 2, 5);
        if (!"MSCONS".equals(type)) {
            throw new InvalidRequestException(RejectionReason.UNSUPPORTED_FORMAT, at + ": unsupported message type '" + type
                    + "'; the import reads MSCONS");
        }
        if (!supported(release)) {
            throw new InvalidRequestException(RejectionReason.UNSUPPORTED_FORMAT, at + ": MSCONS version '" + release
                    + "' is not read; versions 2.2 and later are");
        }
        series = new ArrayList<>();
        reference = null;
        location = null;
        obis = null;
    }

    /** German market versions since 2.2: 2.2, 2.2a ... 2.4c and later major versions. */
    private static boolean supported(String release) {
        if (release == null || !release.matches("\\d+\\.\\d+[a-z]?")) {
            return false;
        }
        String[] parts = release.replaceAll("[a-z]$", "").split("\\.");
        int major = Integer.parseInt(parts[0]);
        return major > 2 || (major == 2 && Integer.parseInt(parts[1]) >= 2);
    }

    private static MeterKey location(String at, String id) {
        if (id != null && id.matches("\\d{11}")) {
            return new MeterKey(MeterKey.Kind.MA_LO_ID, id);
        }
        if (id != null && id.matches("[A-Z0-9]{33}")) {
            return new MeterKey(MeterKey.Kind.ME_LO_ID, id);
        }
        throw new InvalidRequestException(RejectionReason.INVALID_VALUE, at + ": metering point '" + id
                + "' is neither an 11-digit MaLo id nor a 33-character MeLo id");
    }

    private void date(String at, String dtmQualifier, String text, String format) {
        Instant t = instant(at, text, format);
        switch (dtmQualifier) {
            case "163" -> start = t;
            case "164" -> end = t;
            default -> {
                if (READING_INSTANT.contains(dtmQualifier)) {
                    instant = t;
                }
            }
        }
    }

    private static Instant instant(String at, String text, String format) {
        try {
            return switch (format == null ? "" : format) {
                case "303" -> {
                    // CCYYMMDDHHMMZZZ: the offset in hours (+01) or hours and minutes (+0100)
                    String offset = text.substring(12);
                    ZoneOffset zone = ZoneOffset.of(offset.length() == 3 ? offset + ":00" : offset);
                    yield LocalDateTime.parse(text.substring(0, 12), MINUTES).toInstant(zone);
                }
                case "203" -> LocalDateTime.parse(text, MINUTES).toInstant(ZoneOffset.UTC);
                case "102" -> LocalDate.parse(text, DAY).atStartOfDay().toInstant(ZoneOffset.UTC);
                default -> throw new InvalidRequestException(RejectionReason.INVALID_TIMESTAMP, at + ": DTM format '" + format
                        + "' is not read; 303, 203 and 102 are");
            };
        } catch (DateTimeException | StringIndexOutOfBoundsException e) {
            throw new InvalidRequestException(RejectionReason.INVALID_TIMESTAMP, at + ": '" + text + "' is not a date of format " + format);
        }
    }

    /** A quantity as StAEDI hands it over: the UNA decimal mark (comma or point) as written. */
    private static BigDecimal decimal(String at, String text) {
        if (text == null || !text.matches("-?\\d+([.,]\\d+)?")) {
            throw new InvalidRequestException(RejectionReason.INVALID_VALUE, at + ": quantity '" + text + "' is not a decimal number");
        }
        return new BigDecimal(text.replace(',', '.'));
    }

    private void closeValue() {
        if (quantity == null) {
            return;
        }
        if (start != null && end != null) {
            values.add(new MeteredValue(start, end, quantity, qualifier, quantityAt));
        } else if (instant != null || (start != null && end == null)) {
            values.add(new MeteredValue(instant != null ? instant : start, null, quantity, qualifier, quantityAt));
        } else {
            throw new InvalidRequestException(RejectionReason.INVALID_TIMESTAMP, quantityAt + ": QTY without its period (DTM 163 and 164)"
                    + " or instant (DTM 7)");
        }
        quantity = null;
        start = null;
        end = null;
        instant = null;
    }

    private void closeSeries() {
        closeValue();
        if (obis != null && values != null && !values.isEmpty()) {
            series.add(new MeteredSeries(location, locationAt, obis, obisAt, values));
        }
        values = null;
    }

    private void close() {
        if (series == null) {
            return;
        }
        closeSeries();
        messages.add(new MeteredMessage(reference, series));
        series = null;
        obis = null;
        location = null;
        locationAt = null;
    }

    /** The text of a component (both 1-based), or null. */
    private static String field(List<List<String>> e, int element, int component) {
        if (e.size() < element || e.get(element - 1).size() < component) {
            return null;
        }
        String v = e.get(element - 1).get(component - 1);
        return v == null || v.isEmpty() ? null : v;
    }
}
