package io.metering.bootstrap.importer;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.metering.domain.error.InvalidRequestException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The records of an RFC 4180 CSV text, read with FastCSV: fields separated by commas, records by
 * CR, LF or CRLF, quoted fields with commas, doubled quotes and line breaks. Values are trimmed and
 * empty lines skipped and a leading UTF-8 byte-order mark dropped, as Commons CSV's {@code DEFAULT} with trimming reads them (the demo's
 * importers use Commons CSV). Unlike Commons CSV it is lenient with broken quoting: text after a
 * closing quote is kept. A quote left open runs to the end of the file; FastCSV does not say so, so
 * the text is passed through a {@link QuoteTrackingReader} and the last record, which took in every
 * line after the quote, is refused with reason {@code unclosed_quote}, naming the quote's line. FastCSV because the import parses millions of fields and Commons
 * CSV's lexer was half of its reader thread's samples (docs/benchmarks.md).
 */
final class CsvRecords {
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private final Iterator<CsvRecord> records;
    private final QuoteTrackingReader quotes;
    private long recordLine;
    private boolean first = true;

    CsvRecords(Reader in) {
        this(in, ',');
    }

    /** @param separator the field separator ({@code ,} by RFC 4180; {@code ;} as German spreadsheets write CSV) */
    CsvRecords(Reader in, char separator) {
        this.quotes = new QuoteTrackingReader(in);
        this.records = CsvReader.builder()
                .fieldSeparator(separator)
                .skipEmptyLines(true)
                .ignoreDifferentFieldCount(true)
                .acceptCharsAfterQuotes(true)
                .ofCsvRecord(quotes)
                .iterator();
    }

    /** The line the last record read starts on, from 1. */
    long recordLine() {
        return recordLine;
    }

    /**
     * @return the next record's values, trimmed, or null at the end of the text
     * @throws IOException if the text cannot be read or a quoted field is malformed
     * @throws InvalidRequestException {@code unclosed_quote}, naming the quote's line, if a quote is left open to the end of the text
     */
    List<String> next() throws IOException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord record = records.next();
            recordLine = record.getStartingLineNumber();
            if (!records.hasNext() && quotes.quoteOpen()) {
                // the quote ran to the end of the text: this record took in every line after it
                throw unclosedQuote(quotes.openedOnLine());
            }
            List<String> fields = new ArrayList<>(record.getFieldCount());
            for (String field : record.getFields()) {
                fields.add(field.trim());
            }
            if (first && !fields.isEmpty() && fields.get(0).startsWith(BYTE_ORDER_MARK)) {
                // spreadsheets write "CSV UTF-8" with a byte-order mark, invisible in any message
                fields.set(0, fields.get(0).substring(1).trim());
            }
            first = false;
            return fields;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The refusal of a quote never closed. Names the quote's line, which may lie after the line the
     * record starts on when an earlier field of the record spans lines.
     */
    private static InvalidRequestException unclosedQuote(long line) {
        return new InvalidRequestException(ImportFileReason.UNCLOSED_QUOTE, "line " + line + ": the quote (\") opened on line " + line
                + " is never closed, so its field runs to the end of the file; close it or remove it");
    }
}
