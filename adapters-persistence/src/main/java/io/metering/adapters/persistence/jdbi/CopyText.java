package io.metering.adapters.persistence.jdbi;

import io.metering.adapters.persistence.json.JsonValues;
import io.metering.domain.reading.Reading;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Readings as rows of PostgreSQL's {@code COPY} text format, in the column order {@code org_id, }
 * {@link ReadingRows#COLUMNS}: tab-separated, {@code \N} for null, backslash escapes for backslash,
 * tab, newline and carriage return. Values are written as plain decimal text and instants as
 * ISO-8601 UTC, both read exactly by the server; rows are buffered and sent in blocks.
 */
final class CopyText {
    private static final int FLUSH_AT = 1 << 15;

    private final OutputStream out;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);

    CopyText(OutputStream out) {
        this.out = out;
    }

    /** Appends one reading of the organization. */
    void row(String org, Reading r) throws IOException {
        field(org);
        tab().field(r.counterId().toString());
        tab().field(r.direction().code());
        tab().field(SqlInstants.stored(r.timestamp()));
        tab().field(r.value().toPlainString());
        tab().field(r.meterId().toString());
        tab().field(r.source().code());
        tab().field(r.reason());
        tab().field(r.readBy());
        tab().field(r.status() == null ? null : r.status().code());
        tab().field(r.externalId());
        tab().field(r.remark());
        tab().field(r.note());
        tab().field(r.unit());
        tab().field(r.metadata().isEmpty() ? "{}" : JsonValues.writeStrings(r.metadata()));
        buffer.append('\n');
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends what is buffered. */
    void flush() throws IOException {
        if (buffer.length() > 0) {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
            buffer.setLength(0);
        }
    }

    private CopyText tab() {
        buffer.append('\t');
        return this;
    }

    private void field(String value) {
        if (value == null) {
            buffer.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(ch);
            }
        }
    }
}
