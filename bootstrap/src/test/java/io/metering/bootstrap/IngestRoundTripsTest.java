package io.metering.bootstrap;

import io.metering.testing.BearerTokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.metering.adapters.http.HttpApi;
import io.metering.adapters.http.HttpSettings;
import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.adapters.http.auth.JwtSettings;
import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.application.port.in.UseCases;
import io.metering.bootstrap.config.EventsConfiguration;
import io.metering.bootstrap.db.EmbeddedDatabase;
import io.metering.testing.FreePorts;
import io.metering.testing.Http;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database round trips of one {@code POST /v2/metering/readings} of 100 readings of one counter
 * (the benchmark's ingest request, docs/benchmarks.md): the real HTTP API, use cases and Jdbi
 * adapter over the embedded PostgreSQL, change events on, with every statement and commit counted
 * beneath the adapter ({@link CountingDataSource}). A bound that a new statement on the write path
 * would break, so the count cannot grow unnoticed.
 */
class IngestRoundTripsTest {
    private static final String SECRET = "round-trips-test-secret-of-at-least-32-bytes";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static EmbeddedDatabase database;
    private static PostgresPersistence persistence;
    private static CountingDataSource counting;
    private static Javalin app;
    private static Http http;
    private static String token;

    @BeforeAll
    static void start() throws IOException {
        database = EmbeddedDatabase.start(dataDir, FreePorts.free());
        HikariConfig config = new HikariConfig();
        try (HikariDataSource service = DataSources.pooled(database.jdbcUrl(), database.user(), database.password(), 4)) {
            service.copyStateTo(config); // the service's settings: READ COMMITTED, generic plans
        }
        config.setPoolName("counting");
        counting = new CountingDataSource(config);
        persistence = PostgresPersistence.start(counting, PersistenceSettings.defaults());
        Clock clock = Clock.systemUTC();
        ZoneId zone = ZoneId.of("Europe/Berlin");
        UseCases useCases = Wiring.useCases(persistence, clock, zone, Wiring.changes(persistence, clock, EventsConfiguration.defaults()));
        JwtSettings jwt = JwtSettings.of(SECRET, null, null);
        app = HttpApi.create(new HttpSettings(zone, HttpSettings.DEFAULT_MAX_REQUEST_BYTES), new JwtAuthenticator(jwt, clock),
                useCases, persistence::isHealthy).start(0);
        http = new Http("http://127.0.0.1:" + app.port());
        token = BearerTokens.hs256(SECRET).admin("round-trips", "test");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
        if (persistence != null) {
            persistence.close();
        }
        if (counting != null) {
            counting.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aV2RequestOf100ReadingsAppendingToASeriesMakesAtMostTheBoundedRoundTrips() throws Exception {
        Series series = seriesWithHistory("RT-1");

        counting.start();
        JsonNode answer = post("/v2/metering/readings", body(series.meter(), series.counter(), series.first().plus(Duration.ofHours(100)), 100));
        List<String> trips = counting.stop();
        System.out.println("round trips of one request (" + trips.size() + "):\n" + String.join("\n", trips));

        assertThat(answer.toString()).contains("\"value\":200");
        // 12 before the counters were locked as read, the item match stood for the key check and a
        // write into empty spans stopped reading what it replaces; 9 before the meters were read
        // with the counter lock; 8 before the change events went with the commit: meters with their
        // counters (locked), item match, same-day readings (echoes), span, insert, pending
        // changesets, change events with the commit
        assertThat(trips).as("round trips of one request: %s", String.join("\n", trips)).hasSizeLessThanOrEqualTo(BOUND);
        assertThat(trips.get(trips.size() - 1)).startsWith("INSERT INTO change_event").endsWith("COMMIT");
    }

    /** The round trips the request may make (docs/benchmarks.md "Round trips per request"). */
    private static final int BOUND = 7;

    private static String body(String meter, String counter, Instant from, int firstValue) {
        StringBuilder sb = new StringBuilder("{\"readings\":[");
        for (int i = 0; i < 100; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"operation\":\"create\",\"meter_id\":\"").append(meter).append("\",\"counter_id\":\"")
                    .append(counter).append("\",\"direction\":\"feed-out\",\"timestamp\":\"").append(from.plus(Duration.ofHours(i)))
                    .append("\",\"value\":").append(firstValue + i + 1).append(",\"source\":\"ERP\"}");
        }
        return sb.append("]}").toString();
    }

    /** A power meter's feed-out counter and the instant its 100 hourly readings (values 1 to 100) start. */
    private record Series(String meter, String counter, Instant first) {}

    /** A new meter with one counter and a history of 100 hourly readings, the first 30 days ago. */
    private static Series seriesWithHistory(String meterNumber) throws IOException, InterruptedException {
        String meter = post("/v1/metering/admin/meters", "{\"sector\":\"power\",\"meter_number\":\"" + meterNumber + "\"}").path("data")
                .path("_id").asText();
        String counter = post("/v1/metering/admin/meters/" + meter + "/counters",
                "{\"obis_number\":\"1-0:1.8.0\",\"direction\":\"feed-out\",\"unit\":\"kWh\"}").path("data").path("_id").asText();
        Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(30));
        post("/v2/metering/readings", body(meter, counter, first, 0));
        return new Series(meter, counter, first);
    }

    private static JsonNode post(String path, String body) throws IOException, InterruptedException {
        Http.Reply r = http.post(path, token, body);
        assertThat(r.status()).as("POST %s: %s", path, r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    /**
     * A page of getReadingsByInterval is one statement, relative values included (their starting
     * points come in the same read), so its reads cost one round trip and no transaction.
     */
    @Test
    void aPageOfReadingsIsOneRoundTripCumulativeOrRelative() throws Exception {
        Series series = seriesWithHistory("RT-2");
        String page = "/v1/metering/reading/" + series.meter() + "/" + series.counter() + "?start_date="
                + series.first().plus(Duration.ofHours(10)) + "&end_date=" + series.first().plus(Duration.ofHours(60)) + "&size=20";
        for (String type : List.of("", "&type=relative")) {
            counting.start();
            Http.Reply r = http.get(page + type, token);
            List<String> trips = counting.stop();

            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(r.body());
            assertThat(answer.path("hits").asLong()).isEqualTo(51);
            // readings 11..30 of values 11..30, each 1 more than the one before: relative 1 from the first on
            assertThat(answer.path("results").get(0).path("value").decimalValue())
                    .isEqualByComparingTo(type.isEmpty() ? "11" : "1");
            assertThat(trips).as("round trips of a page%s: %s", type, String.join("\n", trips)).hasSize(1);
        }
    }
}
