package io.metering.bootstrap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.ReadingInput;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.ReasonCode;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The documented import file format. */
class ReadingsCsvTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String METER = "d900b93f-abdf-3f5b-8f95-3368e8e76d0f";
    private static final String COUNTER = "b2eb110b-1dc1-3060-9dc5-2bf3eb291d38";

    private static ReadingsCsv csv(String text) {
        return new ReadingsCsv(new StringReader(text), BERLIN);
    }

    @Test
    void readsEveryColumnInAnyOrder() {
        ReadingsCsv in = csv("value,timestamp,meter_id,counter_id,direction,source,reason,status,external_id,read_by,remark,note,unit\n"
                + "1250.50,2024-01-01T08:00:00.123Z," + METER + "," + COUNTER + ",feed-in,ECP,meter_change,valid,ext-1,anna,\"a, b\",n,kWh\n");

        ReadingInput r = in.next();

        assertThat(r.meterId().toString()).isEqualTo(METER);
        assertThat(r.counterId().toString()).isEqualTo(COUNTER);
        assertThat(r.direction()).isEqualTo(Direction.FEED_IN);
        assertThat(r.timestamp()).isEqualTo(Instant.parse("2024-01-01T08:00:00.123Z"));
        assertThat(r.value()).isEqualByComparingTo("1250.5");
        assertThat(r.source()).isEqualTo(ReadingSource.ECP);
        assertThat(r.reason()).isEqualTo(ReadingReason.METER_CHANGE);
        assertThat(r.status()).isEqualTo(ReadingStatus.VALID);
        assertThat(r.externalId()).isEqualTo("ext-1");
        assertThat(r.readBy()).isEqualTo("anna");
        assertThat(r.remark()).isEqualTo("a, b");
        assertThat(r.note()).isEqualTo("n");
        assertThat(r.unit()).isEqualTo("kWh");
        assertThat(in.hasNext()).isFalse();
    }

    @Test
    void leavesOptionalFieldsToTheRulesAndDefaultsTheSourceToErp() {
        ReadingsCsv in = csv("meter_id,counter_id,direction,timestamp,value\n" + METER + ",,,2024-01-01,7\n");

        ReadingInput r = in.next();

        assertThat(r.counterId()).isNull();
        assertThat(r.direction()).isNull();
        assertThat(r.source()).isEqualTo(ReadingSource.ERP);
        assertThat(r.timestamp()).as("a date alone is 00:00 UTC").isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void refusesHeadersItDoesNotKnowOrThatLackARequiredColumn() {
        assertThatThrownBy(() -> csv("meter_id,timestamp,value,extrnal_id\n")).isInstanceOf(ImportException.class)
                .hasMessageContaining("extrnal_id");
        assertThatThrownBy(() -> csv("meter_id,timestamp\n")).isInstanceOf(ImportException.class).hasMessageContaining("value");
    }

    @Test
    void namesTheLineOfAMalformedRow() {
        ReadingsCsv in = csv("meter_id,timestamp,value\n" + METER + ",2024-01-01,1\n" + METER + ",2024-01-02,1,5\n"
                + METER + ",2024-01-03,x\n" + "not-a-uuid,2024-01-03,1\n" + METER + ",2024-02-30,1\n");

        in.next();
        assertRefused(in, ImportFileReason.MALFORMED_FILE, "line 3: ");
        assertRefused(in, RejectionReason.INVALID_VALUE, "line 4: ");
        assertRefused(in, RejectionReason.INVALID_PARAMETER, "line 5: ");
        assertRefused(in, RejectionReason.INVALID_TIMESTAMP, "line 6: ");
    }

    @Test
    void namesTheLineOfAQuoteNeverClosedInsteadOfAFieldCount() {
        ReadingsCsv in = csv("meter_id,timestamp,value\n" + METER + ",2024-01-01,\"12.5\n" + METER + ",2024-01-02,13\n");

        assertThatThrownBy(in::next).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.reason()).isEqualTo(ImportFileReason.UNCLOSED_QUOTE);
            assertThat(e.getMessage()).startsWith("line 2: ").contains("opened on line 2 is never closed").doesNotContain("fields");
        });
    }

    @Test
    void namesTheLineOfTheOpenQuoteWhenAnEarlierFieldSpansLinesAndReadsClosedQuotesAsBefore() {
        ReadingsCsv open = csv("meter_id,timestamp,value,note\r\n" + METER + ",2024-01-01,1,\"two\r\nlines\"\r\n"
                + METER + ",2024-01-02,2,\"\"\"quoted\"\" \r\n");
        ReadingsCsv closed = csv("meter_id,timestamp,value,note\n" + METER + ",2024-01-01,\"1\",\"a \"\"b\"\"\nc\"\n");

        assertThat(open.next().note()).isEqualTo("two\r\nlines");
        assertThatThrownBy(open::next).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.reason()).isEqualTo(ImportFileReason.UNCLOSED_QUOTE);
            assertThat(e.getMessage()).startsWith("line 4: ");
        });
        assertThat(closed.next().note()).isEqualTo("a \"b\"\nc");
        assertThat(closed.hasNext()).isFalse();
    }

    @Test
    void refusesAHeaderWithAQuoteNeverClosed() {
        assertThatThrownBy(() -> csv("meter_id,\"timestamp,value\n")).isInstanceOf(ImportException.class)
                .hasMessageContaining("opened on line 1 is never closed");
    }

    private static void assertRefused(ReadingsCsv in, ReasonCode reason, String prefix) {
        assertThatThrownBy(in::next).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).startsWith(prefix);
        });
    }

    /** A locator over one meter with MaLo 51238696781 and number M-1, whose OBIS 1-0:1.8.0 counter is COUNTER. */
    private static final io.metering.application.model.CounterLocator LOCATOR = new io.metering.application.model.CounterLocator() {
        @Override
        public io.metering.domain.meter.MeterId meter(io.metering.application.model.MeterKey key) {
            if (key.kind() == io.metering.application.model.MeterKey.Kind.METER_ID) {
                return new io.metering.domain.meter.MeterId(java.util.UUID.fromString(key.value()));
            }
            if (key.value().equals("51238696781") || key.value().equals("M-1")) {
                return new io.metering.domain.meter.MeterId(java.util.UUID.fromString(METER));
            }
            throw new InvalidRequestException(RejectionReason.UNKNOWN_KEY, "no meter has " + key);
        }

        @Override
        public io.metering.domain.counter.CounterId counter(io.metering.domain.meter.MeterId meter, String obis, Direction d) {
            if (obis.equals("1-0:1.8.0")) {
                return new io.metering.domain.counter.CounterId(java.util.UUID.fromString(COUNTER));
            }
            throw new InvalidRequestException(RejectionReason.AMBIGUOUS_KEY, "2 counters with OBIS code '" + obis + "'");
        }
    };

    @Test
    void namesMetersAndCountersByTheUsersKeys() {
        ReadingsCsv in = csv("ma_lo_id,meter_number,obis_number,timestamp,value\n51238696781,,1-0:1.8.0,2024-01-01,7\n"
                + ",M-1,1-0:1.8.0,2024-01-02,8\n");
        assertThat(in.needsLocator()).isTrue();
        in.locateWith(LOCATOR);

        ReadingInput first = in.next();
        ReadingInput second = in.next();

        assertThat(first.meterId().toString()).isEqualTo(METER);
        assertThat(first.counterId().toString()).isEqualTo(COUNTER);
        assertThat(second.meterId()).isEqualTo(first.meterId());
        assertThat(second.counterId()).isEqualTo(first.counterId());
    }

    @Test
    void refusesAmbiguousKeysNamingTheLine() {
        ReadingsCsv in = csv("ma_lo_id,obis_number,timestamp,value\n51238696781,1-0:1.8.0,2024-01-01,7\n51238696781,1-0:2.8.0,2024-01-02,8\n")
                .locateWith(LOCATOR);
        in.next();

        assertThatThrownBy(in::next)
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.AMBIGUOUS_KEY))
                .hasMessageContaining("line 3");
    }

    @Test
    void refusesKeysThatNameDifferentMeters() {
        ReadingsCsv in = csv("meter_id,ma_lo_id,timestamp,value\n" + COUNTER + ",51238696781,2024-01-01,7\n").locateWith(LOCATOR);

        assertThatThrownBy(in::next).isInstanceOf(InvalidRequestException.class).hasMessageContaining("name different meters");
    }

    @Test
    void needsNoLocatorForOurIdsAndAKeyColumnInTheHeader() {
        assertThat(csv("meter_id,counter_id,timestamp,value\n").needsLocator()).isFalse();
        assertThatThrownBy(() -> csv("counter_id,timestamp,value\n")).isInstanceOf(ImportException.class)
                .hasMessageContaining("none of meter_id, ma_lo_id, me_lo_id, meter_number");
    }

    @Test
    void readsSemicolonFilesWithDecimalCommasExactly() {
        ReadingsCsv in = csv("meter_id;timestamp;value;remark\n" + METER + ";2024-01-01;1.234,56;\"a; b\"\n"
                + METER + ";2024-01-02;0,1;\n");

        assertThat(in.dialect()).isEqualTo(new CsvDialect(';', true));
        ReadingInput r = in.next();
        assertThat(r.value()).isEqualTo(new java.math.BigDecimal("1234.56"));
        assertThat(r.remark()).isEqualTo("a; b");
        assertThat(in.next().value()).as("never through binary floating point").isEqualTo(new java.math.BigDecimal("0.1"));
    }

    @Test
    void takesTheCallersDialect() {
        ReadingsCsv in = new ReadingsCsv(new StringReader("meter_id,timestamp,value\n" + METER + ",2024-01-01,\"12,5\"\n"), BERLIN,
                new CsvDialect(null, true));
        assertThat(in.next().value()).isEqualTo(new java.math.BigDecimal("12.5"));

        ReadingsCsv tabs = new ReadingsCsv(new StringReader("meter_id\ttimestamp\tvalue\n" + METER + "\t2024-01-01\t3.25\n"), BERLIN,
                new CsvDialect('\t', null));
        assertThat(tabs.next().value()).isEqualTo(new java.math.BigDecimal("3.25"));

        ReadingsCsv wrong = csv("meter_id;timestamp;value\n" + METER + ";2024-01-01;12.5.1\n");
        assertThatThrownBy(wrong::next).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_VALUE)).hasMessageContaining("decimal comma");
    }

    @Test
    void eachDataRowKnowsTheLineItStartsOnPastQuotedLineBreaksAndEmptyLines() {
        String row = METER + "," + COUNTER + ",feed-out,2024-01-0%dT00:00:00Z,%d,%s\n";
        ReadingsCsv rows = csv("meter_id,counter_id,direction,timestamp,value,note\n"
                + String.format(row, 1, 1, "plain")
                + String.format(row, 2, 2, "\"two\nlines\"")
                + String.format(row, 3, 3, "plain")
                + "\n"
                + String.format(row, 4, 4, "\"a\nb\nc\""));
        assertThat(rows.lineOf(0)).as("nothing read yet").isEmpty();
        rows.forEachRemaining(r -> { });

        assertThat(rows.lineOf(0)).hasValue(2);
        assertThat(rows.lineOf(1)).hasValue(3);
        assertThat(rows.lineOf(2)).as("after a field of two lines").hasValue(5);
        assertThat(rows.lineOf(3)).as("after an empty line").hasValue(7);
        assertThat(rows.lineOf(4)).as("no such row").isEmpty();
    }
}
