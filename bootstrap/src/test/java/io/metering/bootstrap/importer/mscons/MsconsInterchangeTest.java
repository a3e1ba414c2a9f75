package io.metering.bootstrap.importer.mscons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.MeterKey;
import io.metering.application.model.MeteredMessage;
import io.metering.application.model.MeteredSeries;
import io.metering.application.model.MeteredValue;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MSCONS interchanges as the import reads them: the real sample, service string advice, refusals with positions. */
class MsconsInterchangeTest {
    /** A real MSCONS 2.2e interchange: one metering point, 2,976 quarter-hour values of December 2015 (MIT, see .source.txt). */
    static final String SAMPLE = "/mscons/mscons_2.2e_tl_pv_15min_sample01.edi";

    static byte[] sample() throws IOException {
        try (InputStream in = MsconsInterchangeTest.class.getResourceAsStream(SAMPLE)) {
            return in.readAllBytes();
        }
    }

    private static List<MeteredMessage> read(String text) {
        return MsconsInterchange.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A small interchange of the given message header and body segments, with the sample's service string advice. */
    private static String interchange(String unh, String body) {
        return "UNA:+,? 'UNB+UNOC:3+1234567889111:500+12100006987265:500+160112:1347+REF1++TL'" + unh
                + "BGM+7+DOC-1+9'DTM+137:201601121347:203'" + body + "UNT+9+1'UNZ+1+REF1'";
    }

    @Test
    void readsTheRealSample() throws IOException {
        List<MeteredMessage> messages = MsconsInterchange.read(new ByteArrayInputStream(sample()));

        assertThat(messages).hasSize(1);
        MeteredMessage m = messages.get(0);
        assertThat(m.reference()).isEqualTo("13337815E25-1");
        assertThat(m.series()).hasSize(1);
        MeteredSeries s = m.series().get(0);
        assertThat(s.meter()).isEqualTo(new MeterKey(MeterKey.Kind.ME_LO_ID, "US0001062600000001000000022345671"));
        assertThat(s.obisNumber()).as("the release character keeps the colon").isEqualTo("1-1:1.10.0");
        assertThat(s.values()).hasSize(2_976);
        assertThat(s.values().stream().map(MeteredValue::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("decimal commas read exactly").isEqualTo(new BigDecimal("680.282"));
        MeteredValue first = s.values().get(0);
        assertThat(first.start()).isEqualTo(Instant.parse("2015-11-30T23:00:00Z"));
        assertThat(first.end()).isEqualTo(Instant.parse("2015-11-30T23:15:00Z"));
        assertThat(first.qualifier()).isEqualTo("220");
    }

    @Test
    void readsTheSameInterchangeOnManyLines() throws IOException {
        String oneLine = new String(sample(), StandardCharsets.UTF_8);
        String manyLines = oneLine.replace("'", "'\r\n");

        assertThat(read(manyLines)).isEqualTo(read(oneLine));
    }

    @Test
    void honoursTheServiceStringAdvice() {
        // component separator ';', decimal point, release character '/', segment terminator '!'
        String text = "UNA;+./ !UNB+UNOC;3+S;500+R;500+160112;1347+REF1++TL!UNH+1+MSCONS;D;04B;UN;2.4c!BGM+7+DOC/+2+9!"
                + "UNS+D!NAD+DP!LOC+172+51238696781!LIN+1!PIA+5+1-0:1.8.0!QTY+220;1250.5!DTM+7;201512010000/+01;303!UNT+10+1!UNZ+1+REF1!";

        List<MeteredMessage> m = read(text);

        MeteredSeries s = m.get(0).series().get(0);
        assertThat(m.get(0).reference()).isEqualTo("DOC+2");
        assertThat(s.obisNumber()).isEqualTo("1-0:1.8.0");
        assertThat(s.meter()).isEqualTo(new MeterKey(MeterKey.Kind.MA_LO_ID, "51238696781"));
        MeteredValue reading = s.values().get(0);
        assertThat(reading.isReading()).as("a QTY dated by DTM 7 is a register reading").isTrue();
        assertThat(reading.value()).isEqualTo(new BigDecimal("1250.5"));
        assertThat(reading.start()).isEqualTo(Instant.parse("2015-11-30T23:00:00Z"));
    }

    @Test
    void refusesOtherMessageTypesAndVersionsNamingTheSegment() {
        assertThatThrownBy(() -> read(interchange("UNH+1+UTILMD:D:11A:UN:5.2e'", "")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("segment 2").hasMessageContaining("unsupported message type 'UTILMD'");
        assertThatThrownBy(() -> read(interchange("UNH+1+MSCONS:D:04B:UN:2.1a'", "")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.UNSUPPORTED_FORMAT))
                .hasMessageContaining("MSCONS version '2.1a'");
    }

    @Test
    void refusesUnreadableContentNamingTheSegment() {
        assertThatThrownBy(() -> read(interchange("UNH+1+MSCONS:D:04B:UN:2.2e'", "LOC+172+12345'")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_VALUE))
                .hasMessageContaining("segment 5").hasMessageContaining("neither an 11-digit MaLo id nor a 33-character MeLo id");
        assertThatThrownBy(() -> read(interchange("UNH+1+MSCONS:D:04B:UN:2.2e'",
                "LOC+172+51238696781'LIN+1'PIA+5+1-1?:1.29.0'QTY+220:abc'")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_VALUE))
                .hasMessageContaining("segment 8");
        assertThatThrownBy(() -> read("meter_id,timestamp,value\n")).isInstanceOf(InvalidRequestException.class);
    }
}
