package io.metering.bootstrap.importer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the Liander (Dutch grid operator) daily register export: comma separated, a header row,
 * lines right-padded with spaces, empty columns for registers a meter lacks, values such as
 * {@code .747} without a leading zero.
 */
public final class LianderCsv {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    private LianderCsv() {}

    /**
     * @param in the file's text
     * @return the rows in file order
     * @throws ImportException naming the line of a malformed row
     */
    public static List<LianderRow> read(Reader in) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreSurroundingSpaces(true).get();
        List<LianderRow> rows = new ArrayList<>();
        try {
            for (CSVRecord r : format.parse(in)) {
                rows.add(row(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static LianderRow row(CSVRecord r) {
        try {
            List<BigDecimal> readings = new ArrayList<>();
            List<BigDecimal> usages = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                readings.add(decimal(r.get("reading" + i)));
                usages.add(decimal(r.get("usage" + i)));
            }
            return new LianderRow(r.get("eancodeasn"), r.get("meternummer"), LocalDate.parse(r.get("meterreadingdate"), DAY),
                    Collections.unmodifiableList(readings), Collections.unmodifiableList(usages));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new ImportException("line " + (r.getRecordNumber() + 1) + ": " + e.getMessage(), e);
        }
    }

    private static BigDecimal decimal(String text) {
        return text == null || text.isBlank() ? null : new BigDecimal(text.trim());
    }
}
