package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.Http;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real MSCONS sample imported over HTTP into a running service (docs/load-profiles.md): its
 * 2,976 quarter-hour values become the counter's load profile, December 2015's consumption is their
 * exact sum, each day's is the sum of that day's values, importing it again changes nothing, and an
 * interchange with an unknown OBIS code stores nothing and names the segment.
 */
class MsconsImportTest {
    private static final String ORG = "mscons-org";
    private static final String MELO = "US0001062600000001000000022345671";

    @TempDir
    static java.nio.file.Path dataDir;

    private static InProcessService service;
    private static String admin;
    private static String meter;
    private static String counter;
    private static String sample;

    @BeforeAll
    static void start() throws IOException {
        service = InProcessService.start(dataDir, Map.of());
        admin = Tokens.admin(ORG);
        Seeder seed = new Seeder(service.http(), admin);
        meter = seed.meter("{\"sector\":\"power\",\"me_lo_id\":\"" + MELO + "\"}");
        counter = seed.counter(meter, "{\"obis_number\":\"1-1:1.10.0\",\"direction\":\"feed-in\",\"unit\":\"kWh\"}");
        try (InputStream in = MsconsImportTest.class.getResourceAsStream("/mscons/mscons_2.2e_tl_pv_15min_sample01.edi")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** Uploads an interchange and waits for its job. */
    private static JsonNode importInterchange(String text) {
        Http.Reply accepted = service.http().send("POST", "/v1/metering/admin/imports", admin, "application/edifact",
                text.getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        assertThat(accepted.json().at("/data/format").asText()).isEqualTo("mscons");
        String id = accepted.json().at("/data/id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            JsonNode job = service.http().get("/v1/metering/admin/imports/" + id, admin).json().get("data");
            if (job.get("status").asText().endsWith("ed") && !job.get("status").asText().equals("queued")) {
                return job;
            }
            assertThat(System.nanoTime()).as("job done within a minute").isLessThan(deadline);
            ServiceProcess.pause(50);
        }
    }

    /**
     * The test's own reading of the sample's values, per local (+01:00) day of their start: the
     * interchange is one line of segments ending in an apostrophe, each QTY followed by DTM 163 and 164.
     */
    private static Map<LocalDate, BigDecimal> dailySums() {
        Map<LocalDate, BigDecimal> days = new TreeMap<>();
        String[] segments = sample.split("'");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("QTY+220:")) {
                BigDecimal value = new BigDecimal(segments[i].substring(8).replace(',', '.'));
                LocalDate day = LocalDateTime.parse(segments[i + 1].substring(8, 20), DateTimeFormatter.ofPattern("uuuuMMddHHmm")).toLocalDate();
                days.merge(day, value, BigDecimal::add);
            }
        }
        return days;
    }

    private static JsonNode consumption(String interval) {
        Http.Reply r = service.http().get("/v1/metering/consumption/" + meter + "/" + counter + "?interval=" + interval
                + "&start_date=2015-12-01&end_date=2015-12-31&time_zone=Europe/Berlin", admin);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().get("data");
    }

    private static String storedIntervals() throws SQLException {
        try (Connection c = service.embeddedDatabase().connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) || ' ' || coalesce(sum(value), 0) || ' ' || md5(coalesce(string_agg("
                        + "concat_ws('|', start_at, end_at, value, quality, source, position), ',' ORDER BY start_at, position), ''))"
                        + " FROM interval_value")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theSampleBecomesTheCountersLoadProfileAndItsConsumption() throws SQLException {
        JsonNode job = importInterchange(sample);

        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("succeeded");
        assertThat(job.get("rows_read").asLong()).isEqualTo(2_976);
        assertThat(job.get("rows_stored").asLong()).isEqualTo(2_976);
        Map<LocalDate, BigDecimal> days = dailySums();
        BigDecimal all = days.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(all).isEqualByComparingTo("680.282");

        JsonNode month = consumption("month");
        assertThat(month.get("basis").asText()).isEqualTo("interval_values");
        assertThat(month.at("/total/consumption").decimalValue()).as("December 2015 is the sum of the 2,976 values").isEqualByComparingTo(all);

        JsonNode daily = consumption("day").get("periods");
        assertThat(daily).hasSize(31);
        for (JsonNode day : daily) {
            LocalDate date = java.time.Instant.parse(day.get("start").asText()).atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate();
            assertThat(day.get("consumption").decimalValue()).as("consumption of %s", date).isEqualByComparingTo(days.get(date));
            assertThat(day.get("prorated").asBoolean()).isFalse();
        }
        assertThat(daily.get(19).get("overlapping").asBoolean()).as("20 December states 16:00 to 17:00 twice").isTrue();

        JsonNode values = service.http().get("/v1/metering/interval-values/" + meter + "/" + counter
                + "?start_date=2015-12-01&end_date=2015-12-31", admin).json().at("/data/values");
        assertThat(values).hasSize(2_976);
        assertThat(values.get(0).get("quality").asText()).isEqualTo("true_value");
        assertThat(values.get(0).get("source").asText()).isEqualTo("13337815E25-1");

        String stored = storedIntervals();
        JsonNode again = importInterchange(sample);
        assertThat(again.get("status").asText()).isEqualTo("succeeded");
        assertThat(storedIntervals()).as("importing the same message again changes nothing").isEqualTo(stored);

        // a corrected message (another document number, one value 1 kWh higher) replaces the values it covers
        String corrected = sample.replace("BGM+7+13337815E25-1+9", "BGM+7+13337815E25-2+9")
                .replace("QTY+220:1,378'DTM+163:201512201530", "QTY+220:2,378'DTM+163:201512201530");
        assertThat(importInterchange(corrected).get("status").asText()).isEqualTo("succeeded");
        assertThat(storedIntervals()).startsWith("2976 681.282 ");
        assertThat(consumption("month").at("/total/consumption").decimalValue()).isEqualByComparingTo("681.282");
        JsonNode replaced = service.http().get("/v1/metering/interval-values/" + meter + "/" + counter
                + "?start_date=2015-12-20T15:30:00%2B01:00&end_date=2015-12-20T15:45:00%2B01:00", admin).json().at("/data/values");
        assertThat(replaced).hasSize(1);
        assertThat(replaced.get(0).get("value").decimalValue()).isEqualByComparingTo("2.378");
        assertThat(replaced.get(0).get("source").asText()).isEqualTo("13337815E25-2");
        assertThat(importInterchange(sample).get("status").asText()).isEqualTo("succeeded");
        assertThat(storedIntervals()).as("the original restored").isEqualTo(stored);
    }

    @Test
    void anInterchangeWithAnUnknownObisCodeStoresNothingAndNamesTheSegment() throws SQLException {
        String before = storedIntervals();
        // a second register of the same metering point (LIN at segment 8943, PIA at 8944), with an OBIS code no counter has; UNT counts the 5 more segments
        String extra = "LIN+2'PIA+5+1-1?:2.29.0:SRW'QTY+220:1,5'DTM+163:201601010000?+01:303'DTM+164:201601010015?+01:303'";
        String changed = sample.replace("UNT+8942+1'", extra + "UNT+8947+1'").replace("QTY+220:0,934'", "QTY+220:9,934'");

        JsonNode job = importInterchange(changed);

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("rows_refused").asLong()).isEqualTo(1);
        assertThat(job.get("rows_stored").asLong()).isZero();
        JsonNode refusal = job.at("/refusals/0");
        assertThat(refusal.get("reason").asText()).isEqualTo("unknown_key");
        assertThat(refusal.get("message").asText()).contains("segment 8944 (OBIS code)").contains("1-1:2.29.0");
        assertThat(refusal.get("line").asLong()).isEqualTo(8944);
        assertThat(storedIntervals()).as("nothing of a refused interchange is stored").isEqualTo(before);

        JsonNode unknownLocation = importInterchange(sample.replace(MELO, "DE0000000000000000000000000000001"));
        assertThat(unknownLocation.at("/refusals/0/message").asText()).contains("segment 10 (location)").contains("no meter has me_lo_id");
        JsonNode utilmd = importInterchange(sample.replace("MSCONS:D:04B:UN:2.2e", "UTILMD:D:11A:UN:5.2e"));
        assertThat(utilmd.at("/refusals/0/reason").asText()).isEqualTo("unsupported_format");
        assertThat(utilmd.at("/refusals/0/message").asText()).contains("segment 2").contains("unsupported message type 'UTILMD'");
    }

    @Test
    void registerReadingsOfAnInterchangeBecomeReadingsUnderTheUsualRules() {
        String malo = "51238696781";
        String m = new Seeder(service.http(), admin).meter("{\"sector\":\"power\",\"ma_lo_id\":\"" + malo + "\"}");
        String c = new Seeder(service.http(), admin).counter(m, "{\"obis_number\":\"1-0:1.8.0\",\"direction\":\"feed-out\"}");
        String readings = "UNA:+,? 'UNB+UNOC:3+S:500+R:500+240102:1200+REF2++TL'UNH+1+MSCONS:D:04B:UN:2.4c'BGM+7+DOC-R+9'"
                + "UNS+D'NAD+DP'LOC+172+" + malo + "'LIN+1'PIA+5+1-0?:1.8.0:SRW'"
                + "QTY+220:1250,5'DTM+7:202401010000?+01:303'QTY+220:1300,25'DTM+7:202401020000?+01:303'UNT+12+1'UNZ+1+REF2'";

        JsonNode job = importInterchange(readings);

        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("succeeded");
        JsonNode stored = service.http().get("/v1/metering/reading/" + m + "/" + c + "?size=-1&start_date=2023-12-30", admin).json()
                .get("results");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).get("value").decimalValue()).isEqualByComparingTo("1250.5");
        assertThat(stored.get(1).get("value").decimalValue()).isEqualByComparingTo("1300.25");

        // a later reading below the stored ones breaks the ordering rule of every reading write
        String lower = "UNA:+,? 'UNB+UNOC:3+S:500+R:500+240104:1200+REF3++TL'UNH+1+MSCONS:D:04B:UN:2.4c'BGM+7+DOC-S+9'"
                + "UNS+D'NAD+DP'LOC+172+" + malo + "'LIN+1'PIA+5+1-0?:1.8.0:SRW'"
                + "QTY+220:1200'DTM+7:202401030000?+01:303'UNT+10+1'UNZ+1+REF3'";
        JsonNode refused = importInterchange(lower);
        assertThat(refused.at("/refusals/0/reason").asText()).as("%s", refused).isEqualTo("less_than_previous");
        assertThat(refused.at("/refusals/0/message").asText()).contains("segment 9");
    }
}
