package io.metering.adapters.persistence.jdbi;

import io.metering.adapters.persistence.json.JsonValues;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Readings as rows of PostgreSQL's {@code COPY} text format, in the column order {@code org_id, }
 * {@link ReadingRows#COLUMNS}: tab-separated, {@code \N} for null, backslash escapes for backslash,
 * tab, newline and carriage return. Values are written as plain decimal text and instants as
 * ISO-8601 UTC with milliseconds, both read exactly by the server.
 *
 * <p>Rows are encoded straight into a byte buffer (UTF-8) that goes to the server in blocks: no
 * intermediate strings for instants and no second copy of the text, and the ids of meters and
 * counters, which repeat from row to row, are encoded once.
 */
final class CopyText {
    /** Where the encoded blocks go. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] bytes, int length) throws IOException, SQLException;
    }

    private static final int FLUSH_AT = 1 << 16;
    private static final byte[] NULL = {'\\', 'N'};
    private static final int MAX_CACHED_IDS = 100_000;

    private final Sink out;
    private byte[] buffer = new byte[FLUSH_AT + 4096];
    private int length;
    /** The text of ids seen before. */
    private final Map<Object, byte[]> ids = new HashMap<>();

    CopyText(Sink out) {
        this.out = out;
    }

    /** Appends one reading of the organization. */
    void row(byte[] org, Reading r) throws IOException, SQLException {
        bytes(org);
        tab();
        id(r.counterId());
        tab();
        field(r.direction().code());
        tab();
        instant(r.timestamp());
        tab();
        field(r.value().toPlainString());
        tab();
        id(r.meterId());
        tab();
        field(r.source().code());
        tab();
        field(ReadingReason.textOf(r.reason()));
        tab();
        field(r.readBy());
        tab();
        field(r.status() == null ? null : r.status().code());
        tab();
        field(r.externalId());
        tab();
        field(r.remark());
        tab();
        field(r.note());
        tab();
        field(r.unit());
        tab();
        field(r.metadata().isEmpty() ? "{}" : JsonValues.writeStrings(r.metadata()));
        put((byte) '\n');
        if (length >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered. */
    void flush() throws IOException, SQLException {
        if (length > 0) {
            out.write(buffer, length);
            length = 0;
        }
    }

    /** The organization's field text, once per COPY. */
    static byte[] org(String org) {
        return escaped(org);
    }

    private void tab() {
        put((byte) '\t');
    }

    private void put(byte b) {
        if (length == buffer.length) {
            grow(1);
        }
        buffer[length++] = b;
    }

    private void bytes(byte[] b) {
        if (length + b.length > buffer.length) {
            grow(b.length);
        }
        System.arraycopy(b, 0, buffer, length, b.length);
        length += b.length;
    }

    private void grow(int more) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }

    /** An id (UUID-valued, so nothing to escape), from the cache of ids seen before. */
    private void id(Object id) {
        byte[] text = ids.get(id);
        if (text == null) {
            if (ids.size() >= MAX_CACHED_IDS) {
                ids.clear();
            }
            text = escaped(id.toString());
            ids.put(id, text);
        }
        bytes(text);
    }

    private void field(String value) {
        if (value == null) {
            bytes(NULL);
            return;
        }
        int n = value.length();
        if (length + n > buffer.length) {
            grow(n);
        }
        for (int i = 0; i < n; i++) {
            char ch = value.charAt(i);
            if (ch >= 0x80 || ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                // rare: escapes and non-ASCII text take the general way
                bytes(escaped(value.substring(i)));
                return;
            }
            buffer[length++] = (byte) ch;
        }
    }

    private static byte[] escaped(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, what {@link SqlInstants#stored} writes for years 0-9999 (the
     * only ones a reading can have; others take that way), without the string.
     */
    private void instant(Instant t) {
        long seconds = t.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        if (date.getYear() < 0 || date.getYear() > 9999) {
            field(SqlInstants.stored(t));
            return;
        }
        if (length + 24 > buffer.length) {
            grow(24);
        }
        digits(date.getYear(), 4);
        buffer[length++] = '-';
        digits(date.getMonthValue(), 2);
        buffer[length++] = '-';
        digits(date.getDayOfMonth(), 2);
        buffer[length++] = 'T';
        digits(secondOfDay / 3600, 2);
        buffer[length++] = ':';
        digits(secondOfDay / 60 % 60, 2);
        buffer[length++] = ':';
        digits(secondOfDay % 60, 2);
        buffer[length++] = '.';
        digits(t.getNano() / 1_000_000, 3);
        buffer[length++] = 'Z';
    }

    private void digits(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            buffer[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }
}
