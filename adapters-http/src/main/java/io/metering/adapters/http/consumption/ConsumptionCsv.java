package io.metering.adapters.http.consumption;

import io.metering.adapters.http.json.JsonMapping;
import io.metering.domain.time.InstantText;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The consumption answer as CSV ({@code Accept: text/csv}, docs/import-export.md "Export"): one row
 * per period with the JSON answer's values in the same spelling (plain decimals, instants to the
 * millisecond in UTC), empty where JSON has null or leaves a field out, comma separated with a
 * header row, written row by row.
 */
final class ConsumptionCsv {
    /** The columns, named as the JSON answer's fields plus the report's own. */
    static final String HEADER = "meter_id,counter_id,direction,unit,start,end,start_value,end_value,start_interpolated,"
            + "end_interpolated,consumption,energy,decreasing,prorated,incomplete,overlapping";

    private ConsumptionCsv() {}

    static void write(ConsumptionResponse r, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        String prefix = r.meterId() + "," + r.counterId() + "," + r.direction() + "," + text(r.unit()) + ",";
        for (ConsumptionResponse.PeriodResponse p : r.periods()) {
            out.write(prefix);
            out.write(String.join(",", instant(p.start()), instant(p.end()), decimal(p.startValue()), decimal(p.endValue()),
                    flag(p.startInterpolated()), flag(p.endInterpolated()), decimal(p.consumption()), decimal(p.energy()),
                    flag(p.decreasing()), flag(p.prorated()), flag(p.incomplete()), flag(p.overlapping())));
            out.write("\r\n");
        }
    }

    private static String instant(Instant t) {
        return InstantText.millis(t);
    }

    private static String decimal(BigDecimal v) {
        return v == null ? "" : JsonMapping.plain(v);
    }

    private static String flag(Boolean b) {
        return b == null ? "" : b.toString();
    }

    /** A unit as a CSV field: quoted when it holds a separator, quote or line break (RFC 4180). */
    private static String text(String s) {
        if (s == null) {
            return "";
        }
        return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
