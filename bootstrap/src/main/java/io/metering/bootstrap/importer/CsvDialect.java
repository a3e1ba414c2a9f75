package io.metering.bootstrap.importer;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How an import CSV writes fields and numbers (docs/import-export.md "CSV"): the field separator
 * ({@code ,} or, as German spreadsheets write CSV, {@code ;} or a tab) and the decimal mark. Either
 * is given by the caller or, left null, found from the header line: a header with semicolons and no
 * comma is semicolon-separated, and a semicolon-separated file writes decimal commas.
 *
 * <p>Values are read from their text into {@link BigDecimal}, never through binary floating point:
 * with decimal commas {@code 1234,5} and {@code 1.234,5} (dots grouping thousands) are 1234.5,
 * and {@code 1.250} is 1250.
 *
 * @param separator the field separator, null to find it from the header
 * @param decimalComma whether values write a decimal comma, null to follow the separator
 */
public record CsvDialect(Character separator, Boolean decimalComma) {
    /** Found from the header. */
    public static final CsvDialect SNIFF = new CsvDialect(null, null);

    private static final Pattern PLAIN_COMMA = Pattern.compile("[+-]?\\d+(,\\d+)?");
    private static final Pattern GROUPED_COMMA = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");

    /** @throws IllegalArgumentException if the separator is not {@code ,}, {@code ;} or a tab */
    public CsvDialect {
        if (separator != null && separator != ',' && separator != ';' && separator != '\t') {
            throw new IllegalArgumentException("the separator must be ',', ';' or a tab, not '" + separator + "'");
        }
    }

    /**
     * The separator a caller names: {@code ,} or {@code comma}, {@code ;} or {@code semicolon},
     * {@code tab} (or a tab); null or empty for none (found from the header).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Character separatorNamed(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return switch (name) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "tab", "\\t", "\t" -> '\t';
            default -> throw new IllegalArgumentException("the separator must be ',', ';' or tab, not '" + name + "'");
        };
    }

    /**
     * The separator and decimal mark of a file, from this dialect and the file's first line.
     *
     * @param in the file, positioned at its start; left there (it must support mark)
     * @return a dialect with both parts set
     * @throws IOException if the file cannot be read
     */
    CsvDialect settle(BufferedReader in) throws IOException {
        char sep;
        if (separator != null) {
            sep = separator;
        } else {
            sep = sniff(firstLine(in));
        }
        return new CsvDialect(sep, decimalComma != null ? decimalComma : sep == ';');
    }

    /** The file's first line, or its first 64 Ki characters, without moving the reader. */
    private static String firstLine(BufferedReader in) throws IOException {
        int limit = 1 << 16;
        in.mark(limit);
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n' && c != '\r' && line.length() < limit - 1; c = in.read()) {
            line.append((char) c);
        }
        in.reset();
        return line.toString();
    }

    private static char sniff(String header) {
        if (header.indexOf(',') >= 0) {
            return ',';
        }
        if (header.indexOf(';') >= 0) {
            return ';';
        }
        return header.indexOf('\t') >= 0 ? '\t' : ',';
    }

    /**
     * A value's text as a decimal, in this dialect.
     *
     * @throws InvalidRequestException {@code invalid_value} if it is not a decimal number here
     */
    BigDecimal decimal(String text, String field) {
        String plain = text;
        if (Boolean.TRUE.equals(decimalComma)) {
            if (PLAIN_COMMA.matcher(text).matches() || GROUPED_COMMA.matcher(text).matches()) {
                plain = text.replace(".", "").replace(',', '.');
            } else {
                throw new InvalidRequestException(RejectionReason.INVALID_VALUE, field + " '" + text
                        + "' is not a decimal number with a decimal comma (such as 1234,5 or 1.234,5)");
            }
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(RejectionReason.INVALID_VALUE, field + " '" + text + "' is not a decimal number");
        }
    }
}
