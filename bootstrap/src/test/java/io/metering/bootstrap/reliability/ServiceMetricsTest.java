package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.testing.Http;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service's {@code /metrics} (docs/operations.md): the product's figures move with the
 * writes they count, and the pool, JVM, process and HTTP figures are there with their labels.
 */
class ServiceMetricsTest {
    private static final String ORG = "metrics-org";
    private static final String METRICS_TOKEN = "scrape-token-0123456789abcdef";

    @TempDir
    Path dir;

    private InProcessService service;
    private Http http;

    @BeforeEach
    void start() {
        service = InProcessService.start(dir.resolve("service"), Map.of("METERING_METRICS_TOKEN", METRICS_TOKEN));
        http = service.http();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void writesAndRefusalsAreCountedAndThePoolJvmAndProcessAreThere() {
        String admin = Tokens.admin(ORG);
        HourlyCounter probe = new HourlyCounter(http, admin, "water", "{\"obis_number\":\"8-0:1.0.0\"}",
                Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.DAYS));
        String before = scrape();
        assertThat(value(before, "metering_readings_written_total")).isZero();
        assertThat(before).as("a reason's series appears with its first refusal").doesNotContain("metering_readings_refused_total{");

        assertThat(probe.write(0, "100").status()).isEqualTo(200);
        assertThat(probe.write(2, "200").status()).isEqualTo(200);
        assertThat(probe.write(1, "300").status()).as("above the next reading").isEqualTo(400);
        assertThat(probe.write(3, "50").status()).as("below the previous reading").isEqualTo(400);
        assertThat(probe.write(4, "50").status()).isEqualTo(400);

        String after = scrape();
        assertThat(value(after, "metering_readings_written_total")).isEqualTo(2);
        assertThat(value(after, "metering_readings_refused_total{reason=\"less_than_previous\"}")).isEqualTo(2);
        assertThat(value(after, "metering_readings_refused_total{reason=\"greater_than_subsequent\"}")).isEqualTo(1);
        assertThat(value(after, "metering_changesets_pending")).isZero();
        assertThat(value(after, "metering_imports_running")).isZero();
        assertThat(value(after, "metering_embedded_database_restarts_total")).isZero();
        assertThat(value(after, "http_server_requests_seconds_count{method=\"POST\",route=\"/v1/metering/reading\",status=\"400\"}"))
                .isEqualTo(3);
        assertThat(value(after, "hikaricp_connections_max{pool=\"metering-postgres\"}")).isEqualTo(8);
        assertThat(after).contains("jvm_memory_used_bytes{area=\"heap\"", "jvm_gc_", "jvm_threads_live_threads ",
                "process_cpu_usage ", "process_uptime_seconds ", "process_files_open_files ", "hikaricp_connections_acquire_seconds");
    }

    @Test
    void pendingChangesetsAreCountedAndApplyingOneWritesItsReading() {
        Fixture f = Fixture.seed(http, ORG);
        String before = scrape();
        assertThat(value(before, "metering_changesets_pending")).isEqualTo(1);
        double written = value(before, "metering_readings_written_total");

        Http.Reply applied = http.post("/v1/metering/reading/" + f.governedMeter() + "/" + f.governedCounter() + "/changesets/"
                + f.changeset() + ":apply", f.adminToken(), null);
        assertThat(applied.status()).as("%s", applied).isEqualTo(200);

        String after = scrape();
        assertThat(value(after, "metering_changesets_pending")).isZero();
        assertThat(value(after, "metering_readings_written_total")).isEqualTo(written + 1);
    }

    @Test
    void portalFilesShareTheStaticLabelAndUnknownPathsStayUnmatched() {
        for (String file : new String[] {"/portal/app.js", "/portal/portal.css", "/portal/app.js"}) {
            assertThat(http.get(file, null).status()).as(file).isEqualTo(200);
        }
        assertThat(http.get("/portal/no-such-file.js", null).status()).isEqualTo(404);
        assertThat(http.get("/", null).status()).isEqualTo(302);

        String scrape = scrape();
        assertThat(value(scrape, "http_server_requests_seconds_count{method=\"GET\",route=\"static\",status=\"200\"}")).isEqualTo(3);
        assertThat(value(scrape, "http_server_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}")).isEqualTo(1);
        assertThat(scrape).as("file names never become labels").doesNotContain("app.js").doesNotContain("portal.css")
                .doesNotContain("route=\"unmatched\",status=\"200\"").doesNotContain("route=\"unmatched\",status=\"302\"");
    }

    @Test
    void anApiTokenGetsNotFound() {
        assertThat(http.get("/metrics", Tokens.admin(ORG)).status()).isEqualTo(404);
        assertThat(http.get("/metrics", null).status()).isEqualTo(404);
    }

    private String scrape() {
        Http.Reply reply = http.get("/metrics", METRICS_TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    /** A sample's value; fails when the series is missing. */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertThat(m.find()).as("series %s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
