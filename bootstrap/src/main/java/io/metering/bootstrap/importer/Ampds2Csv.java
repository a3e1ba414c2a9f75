package io.metering.bootstrap.importer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the AMPds2 hourly water and gas counter file (columns timestamp_utc, unix_ts,
 * water_whw_counter_l, gas_frg_counter_dm3).
 */
public final class Ampds2Csv {
    private Ampds2Csv() {}

    /**
     * @param in the file's text
     * @return the rows in file order
     * @throws ImportException naming the line of a malformed row
     */
    public static List<Ampds2Row> read(Reader in) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<Ampds2Row> rows = new ArrayList<>();
        try {
            for (CSVRecord r : format.parse(in)) {
                try {
                    rows.add(new Ampds2Row(Instant.parse(r.get("timestamp_utc")), new BigDecimal(r.get("water_whw_counter_l")),
                            new BigDecimal(r.get("gas_frg_counter_dm3"))));
                } catch (DateTimeParseException | NumberFormatException e) {
                    throw new ImportException("line " + (r.getRecordNumber() + 1) + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
