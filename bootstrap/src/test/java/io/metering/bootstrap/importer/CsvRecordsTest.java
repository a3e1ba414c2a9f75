package io.metering.bootstrap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.error.InvalidRequestException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV reader of the import: RFC 4180 as Commons CSV reads it with trimming, and the lines of records. */
class CsvRecordsTest {
    private static List<List<String>> read(String text) throws IOException {
        CsvRecords records = new CsvRecords(new StringReader(text));
        List<List<String>> out = new ArrayList<>();
        for (List<String> r = records.next(); r != null; r = records.next()) {
            out.add(r);
        }
        return out;
    }

    private static List<List<String>> commons(String text) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setTrim(true).get().parse(new StringReader(text))) {
            out.add(r.toList());
        }
        return out;
    }

    @Test
    void readsWhatCommonsCsvReads() throws IOException {
        for (String text : List.of(
                "a,b,c\n1,2,3\n",
                "a,b,c\r\n1,2,3\r\n",
                "a,b\r1,2",
                " a , b \n\n\n1,,\n",
                "x,\"quoted, with comma\",\"with \"\"quotes\"\"\"\n",
                "x,\"two\nlines\",\"crlf\r\ninside\"\ny,z,w",
                "\"q\"  ,\"r\"\t\n",
                "last,empty,\n,,\n",
                "\"\"\n")) {
            assertThat(read(text)).as(text).isEqualTo(commons(text));
        }
    }

    @Test
    void readsFieldsLongerThanItsBuffer() throws IOException {
        String longPlain = "p".repeat(200_000);
        String longQuoted = "q,".repeat(100_000);

        assertThat(read(longPlain + ",\"" + longQuoted + "\"\nend\n")).containsExactly(List.of(longPlain, longQuoted), List.of("end"));
    }

    @Test
    void namesTheLineEachRecordStartsOn() throws IOException {
        CsvRecords records = new CsvRecords(new StringReader("h1,h2\n\"a\nb\",c\n\nd,e\r\nf,g"));
        List<Long> lines = new ArrayList<>();
        while (records.next() != null) {
            lines.add(records.recordLine());
        }

        assertThat(lines).containsExactly(1L, 2L, 5L, 6L);
    }

    @Test
    void brokenQuotingCannotSplitOrInventRecords() throws IOException {
        // a quote left open would swallow the rest of the file into one field of one record: refused, naming its line
        CsvRecords open = new CsvRecords(new StringReader("a,b\n\"open,c\nd,e\n"));
        assertThat(open.next()).containsExactly("a", "b");
        assertThatThrownBy(open::next).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.reason()).isEqualTo(ImportFileReason.UNCLOSED_QUOTE);
            assertThat(e.getMessage()).startsWith("line 2: ");
        });
        // text after a closing quote stays in the field
        assertThat(read("\"q\"x,b\n")).containsExactly(List.of("qx", "b"));
    }

    @Test
    void dropsAByteOrderMarkBeforeTheHeader() throws IOException {
        assertThat(read("\uFEFFmeter_id,value\n\uFEFFm,1\n")).containsExactly(List.of("meter_id", "value"), List.of("\uFEFFm", "1"));
    }
}
