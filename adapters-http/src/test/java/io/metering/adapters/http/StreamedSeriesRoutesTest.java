package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whole series ({@code size=-1}) and large windows are streamed from the database
 * (docs/security.md): the streamed answer equals the collected page in every value, total and
 * order, for cumulative and relative values, both sorts and a window; the CSV answer carries the
 * same values.
 */
class StreamedSeriesRoutesTest {
    @RegisterExtension
    static final TestApp t = new TestApp();
    private static Meter meter;
    private static Counter counter;
    private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");

    @BeforeAll
    static void series() {
        t.clock.set(TestApp.START);
        meter = t.meter(Map.of("sector", "power"));
        counter = t.counter(meter, TestApp.FEED_OUT_KWH);
        List<String> readings = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // growing by odd decimals
            String value = new BigDecimal("1000").add(new BigDecimal("1.25").multiply(BigDecimal.valueOf(i)))
                    .add(new BigDecimal("0.001").multiply(BigDecimal.valueOf(i % 7))).toPlainString();
            readings.add(TestApp.js("{'meter_id':'" + meter.id() + "','counter_id':'" + counter.id() + "','value':" + value
                    + ",'source':'ERP','timestamp':'" + FIRST.plus(i, ChronoUnit.HOURS) + "','remark':'r, \\\"" + i + "\\\"'}"));
            if (readings.size() == 100) {
                Reply r = t.post("/v1/metering/readings", t.adminToken(), "{\"readings\":[" + String.join(",", readings) + "]}");
                assertThat(r.status()).as(r.body()).isBetween(200, 299);
                readings.clear();
            }
        }
    }

    private static String path(String query) {
        return "/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?" + query;
    }

    @Test
    void theStreamedSeriesEqualsTheCollectedPage() {
        for (String variant : List.of("type=cumulative", "type=relative", "type=relative&sort=desc", "sort=desc",
                "type=relative&start_date=2024-01-03T05:00:00Z&end_date=2024-01-09T00:00:00Z")) {
            JsonNode streamed = t.get(path(variant + "&size=-1"), t.adminToken()).json();
            JsonNode paged = t.get(path(variant + "&size=1000"), t.adminToken()).json();
            assertThat(streamed).as(variant).isEqualTo(paged);
            assertThat(streamed.get("results").size()).as(variant).isPositive();
        }
        JsonNode window = t.get(path("type=relative&from=100&size=1001"), t.adminToken()).json();
        assertThat(window.get("results")).hasSize(200);
        assertThat(window.get("hits").asLong()).isEqualTo(300);
        assertThat(window.get("results").get(0)).isEqualTo(t.get(path("type=relative&from=100&size=1"), t.adminToken()).json().get("results").get(0));
    }

    @Test
    void theCsvExportCarriesTheValuesOfTheJsonAnswer() throws Exception {
        for (String variant : List.of("type=cumulative", "type=relative&sort=desc")) {
            JsonNode json = t.get(path(variant + "&size=-1"), t.adminToken()).json();
            Reply csv = t.send(HttpRequest.newBuilder(URI.create(t.url(path(variant))))
                    .header("Authorization", "Bearer " + t.adminToken()).header("Accept", "text/csv").GET().build());
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            assertThat(csv.header("X-Total-Count")).isEqualTo("300");
            List<List<String>> rows = CsvRows.parse(csv.body());
            assertThat(rows.get(0)).containsExactly("meter_id", "counter_id", "direction", "timestamp", "value", "source", "reason",
                    "status", "read_by", "external_id", "remark", "note", "unit");
            assertThat(rows).hasSize(301);
            for (int i = 0; i < 300; i++) {
                JsonNode r = json.get("results").get(i);
                List<String> row = rows.get(i + 1);
                assertThat(row.get(3)).isEqualTo(r.get("timestamp").asText());
                assertThat(row.get(4)).isEqualTo(r.get("value").toString()); // the JSON number's exact text
                assertThat(row.get(2)).isEqualTo(r.get("direction").asText());
                assertThat(row.get(10)).isEqualTo(r.get("remark").asText());
            }
        }
    }

    @Test
    void theReadingsAndTheConsumptionNegotiateCsvAlike() {
        Map<String, Boolean> csvFor = Map.of(
                "application/json, text/csv", false,
                "text/csv;q=0, application/json", false,
                "text/csv;q=0.1, application/json;q=0.9", false,
                "text/csv, application/json", true,
                "application/json;q=0.5, text/csv", true);
        String consumption = "/v1/metering/consumption/" + meter.id() + "/" + counter.id()
                + "?interval=day&start_date=2024-01-02&end_date=2024-01-05";
        csvFor.forEach((accept, csv) -> {
            for (String operation : List.of(path("type=cumulative"), consumption)) {
                Reply r = t.send(HttpRequest.newBuilder(URI.create(t.url(operation)))
                        .header("Authorization", "Bearer " + t.adminToken()).header("Accept", accept).GET().build());
                assertThat(r.status()).as("%s %s: %s", accept, operation, r.body()).isEqualTo(200);
                assertThat(r.header("Content-Type")).as("%s %s", accept, operation).startsWith(csv ? "text/csv" : "application/json");
            }
        });
    }

    @Test
    void changesetsAreNotPartOfTheCsvExport() {
        Reply r = t.send(HttpRequest.newBuilder(URI.create(t.url(path("include_pending_changesets=true"))))
                .header("Authorization", "Bearer " + t.adminToken()).header("Accept", "text/csv").GET().build());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("reason").asText()).isEqualTo("invalid_parameter");
    }

    /** A strict RFC 4180 reader for the test: quoted cells, doubled quotes, CRLF rows. */
    static final class CsvRows {
        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    cell.append(c);
                }
            }
            return rows;
        }
    }
}
