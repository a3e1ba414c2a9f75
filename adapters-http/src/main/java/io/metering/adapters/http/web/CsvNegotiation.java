package io.metering.adapters.http.web;

import io.javalin.http.Context;
import java.util.Locale;
import org.eclipse.jetty.http.QuotedQualityCSV;

/**
 * Whether a request's {@code Accept} header asks for CSV rather than JSON, for the operations that
 * answer either (getReadingsByInterval, consumption; docs/import-export.md "CSV export"). RFC 9110
 * section 12.5.1: the media ranges are ordered by their q-values, highest first and, at equal
 * q-values, in the order the client wrote them; ranges with {@code q=0} are not acceptable and are
 * left out (parsing: Jetty's {@link QuotedQualityCSV}). The first range that names one of the two
 * decides: {@code text/csv} is CSV; {@code application/json}, {@code application/*} and
 * {@code *}{@code /*} are JSON. No header, or none of these, is JSON, the contract's answer.
 */
public final class CsvNegotiation {
    /** The CSV media type. */
    public static final String CSV = "text/csv";

    private CsvNegotiation() {}

    /** @return whether the request's {@code Accept} header prefers CSV */
    public static boolean wantsCsv(Context ctx) {
        return wantsCsv(ctx.header("Accept"));
    }

    /**
     * @param accept the {@code Accept} header's value, or null
     * @return whether CSV has a strictly higher q-value than JSON, or comes first at an equal one
     */
    public static boolean wantsCsv(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        QuotedQualityCSV ranges = new QuotedQualityCSV();
        ranges.addValue(accept);
        for (String range : ranges.getValues()) { // q=0 left out, highest q first, ties in written order
            String type = mediaType(range);
            if (type.equals(CSV)) {
                return true;
            }
            if (type.equals("application/json") || type.equals("application/*") || type.equals("*/*")) {
                return false;
            }
        }
        return false;
    }

    private static String mediaType(String range) {
        int params = range.indexOf(';');
        return (params < 0 ? range : range.substring(0, params)).trim().toLowerCase(Locale.ROOT);
    }
}
