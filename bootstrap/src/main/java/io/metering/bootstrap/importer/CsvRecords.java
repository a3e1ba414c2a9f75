package io.metering.bootstrap.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of an RFC 4180 CSV text, read straight from a character buffer: fields separated by
 * commas, records by CR, LF or CRLF; a field that starts with a double quote is quoted, may contain
 * commas, quotes (doubled) and line breaks, and may be followed by blanks only. Values are
 * trimmed, empty lines skipped: what Commons CSV's {@code DEFAULT.withTrim()} reads, at a fraction
 * of the cost per field (the import parses millions of them; see docs/benchmarks.md).
 */
final class CsvRecords {
    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    /** The line the next character is on, from 1. */
    private long line = 1;
    private long recordLine;
    private final StringBuilder spill = new StringBuilder();

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The line the last record read starts on, from 1. */
    long recordLine() {
        return recordLine;
    }

    /**
     * @return the next record's values, or null at the end of the text
     * @throws IOException if the text cannot be read or a quoted field is malformed
     */
    List<String> next() throws IOException {
        while (true) {
            int c = peek();
            if (c < 0) {
                return null;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(); // empty lines are skipped
                continue;
            }
            break;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>(16);
        while (true) {
            int c = peek();
            String value = c == '"' ? quoted() : plain();
            fields.add(value.trim());
            c = peek();
            if (c == ',') {
                pos++;
                continue;
            }
            if (c == '\n' || c == '\r') {
                endOfLine();
            }
            return fields; // end of line or of the text
        }
    }

    /** A field up to the next comma or line break, without copying through a builder unless it spans buffers. */
    private String plain() throws IOException {
        spill.setLength(0);
        while (true) {
            int start = pos;
            while (pos < limit) {
                char ch = buf[pos];
                if (ch == ',' || ch == '\n' || ch == '\r') {
                    return finish(start);
                }
                pos++;
            }
            spill.append(buf, start, pos - start);
            if (!fill()) {
                return spill.toString();
            }
        }
    }

    private String finish(int start) {
        if (spill.length() == 0) {
            return new String(buf, start, pos - start);
        }
        spill.append(buf, start, pos - start);
        return spill.toString();
    }

    private String quoted() throws IOException {
        long started = line;
        pos++; // the opening quote
        spill.setLength(0);
        while (true) {
            int c = read();
            if (c < 0) {
                throw new IOException("the quoted field starting on line " + started + " is not closed");
            }
            if (c == '"') {
                if (peek() == '"') {
                    pos++;
                    spill.append('"');
                    continue;
                }
                // after the closing quote only blanks may come before the comma or line break
                for (int n = peek(); n == ' ' || n == '\t'; n = peek()) {
                    pos++;
                }
                int n = peek();
                if (n >= 0 && n != ',' && n != '\n' && n != '\r') {
                    throw new IOException("line " + line + ": unexpected '" + (char) n + "' after the quoted field");
                }
                return spill.toString();
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            spill.append((char) c);
        }
    }

    private void endOfLine() throws IOException {
        if (read() == '\r' && peek() == '\n') {
            pos++;
        }
        line++;
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = n < 0;
            pos = 0;
            limit = 0;
            return n == 0 ? fill() : false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
