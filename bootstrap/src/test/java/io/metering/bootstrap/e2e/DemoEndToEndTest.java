package io.metering.bootstrap.e2e;

import io.metering.testing.BearerTokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.adapters.http.auth.JwtSettings;
import io.metering.application.port.in.UseCases;
import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.demo.DemoData;
import io.metering.bootstrap.demo.DemoIds;
import io.metering.bootstrap.importer.LianderCsv;
import io.metering.bootstrap.importer.LianderRow;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.testing.Http;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service end to end: embedded PostgreSQL in a data directory, the demo data imported
 * through the use cases, and the contract operations over HTTP with real tokens.
 */
class DemoEndToEndTest {
    private static final String SECRET = "end-to-end-test-secret-of-at-least-32-bytes";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    static Path dataDir;

    private static MeteringServer server;
    private static Http http;
    private static Configuration config;
    private static String admin;
    private static String portal;
    private static String otherCustomer;

    @BeforeAll
    static void startWithDemoData() {
        config = Configuration.from(Map.of("METERING_DATA_DIR", dataDir.toString(), "METERING_JWT_SECRET", SECRET));
        server = start();
        UseCases u = server.useCases();
        assertThat(new DemoData(u.manageMeters(), u.manageCounters(), u.recordReadings(), u.viewMeters()).loadIfAbsent())
                .isEqualTo(5 * 206 + 2 * 17521);
        server.listen(0);
        http = new Http("http://localhost:" + server.port());
        BearerTokens tokens = BearerTokens.hs256(SECRET);
        admin = tokens.admin(DemoIds.ORG.value(), "e2e-admin");
        portal = tokens.portal(DemoIds.ORG.value(), "e2e-customer", DemoIds.CONTACT_ID);
        otherCustomer = tokens.portal(DemoIds.ORG.value(), "someone-else", "5d7c1d3e-0000-4000-8000-000000000000");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static MeteringServer start() {
        return MeteringServer.start(config, Clock.systemUTC(), new JwtAuthenticator(settings(), Clock.systemUTC()));
    }

    private static JwtSettings settings() {
        return new JwtSettings(SECRET.getBytes(StandardCharsets.UTF_8), null, null, JwtSettings.DEFAULT_LEEWAY);
    }

    @Test
    void thePortalCustomerSeesTheFourDemoMetersWithTheirLatestReading() throws Exception {
        JsonNode meters = get("/v1/metering/meter", portal, 200).get("data");
        assertThat(meters).hasSize(4);
        JsonNode power = find(meters, DemoIds.LIANDER_POWER.toString());
        assertThat(power.get("meter_number").asText()).isEqualTo("E0000000000000011");
        assertThat(power.get("last_reading").asText()).isEqualTo("2023-12-27T00:00:00.000Z");
    }

    @Test
    void anotherCustomerSeesNoneOfThemAndGets404ForTheirIds() throws Exception {
        assertThat(get("/v1/metering/meter", otherCustomer, 200).get("data")).isEmpty();
        get("/v1/metering/meter/" + DemoIds.LIANDER_POWER, otherCustomer, 404);
    }

    @Test
    void relativeReadingsOverHttpEqualTheLianderOperatorsDailyDifferences() throws Exception {
        List<LianderRow> rows;
        try (var in = new InputStreamReader(DemoData.class.getResourceAsStream("/demo/liander_daily_register_readings.csv"),
                StandardCharsets.UTF_8)) {
            rows = LianderCsv.read(in);
        }
        int compared = 0;
        for (int register = 1; register <= 4; register++) {
            compared += compare(rows, "E", register - 1, DemoIds.LIANDER_POWER, DemoIds.lianderPowerRegister(register));
        }
        compared += compare(rows, "G", 0, DemoIds.LIANDER_GAS, DemoIds.LIANDER_GAS_VOLUME);
        assertThat(compared).isEqualTo(5 * 205);
    }

    private static int compare(List<LianderRow> rows, String meterPrefix, int column, MeterId meter, CounterId counter) throws Exception {
        JsonNode results = get("/v1/metering/reading/" + meter + "/" + counter + "?type=relative&size=-1&start_date=2023-01-01",
                portal, 200).get("results");
        Map<String, BigDecimal> relative = new HashMap<>();
        results.forEach(r -> relative.put(r.get("timestamp").asText(), r.get("value").decimalValue()));
        int compared = 0;
        for (LianderRow row : rows) {
            BigDecimal usage = row.usages().get(column);
            if (!row.meterNumber().startsWith(meterPrefix) || usage == null) {
                continue;
            }
            String ts = row.date().atStartOfDay(ZoneOffset.UTC).toInstant().toString().replace("Z", ".000Z");
            assertThat(relative.get(ts)).as("%s column %d on %s", meter, column + 1, row.date()).isEqualByComparingTo(usage);
            compared++;
        }
        return compared;
    }

    @Test
    void readingsAreExactDecimalsInJson() throws Exception {
        JsonNode page = get("/v1/metering/reading/" + DemoIds.AMPDS2_GAS + "/" + DemoIds.AMPDS2_GAS_VOLUME
                + "?type=cumulative&size=2&start_date=2012-04-01T07:00:00Z", admin, 200);
        assertThat(page.get("hits").asLong()).isEqualTo(17521);
        assertThat(page.get("firstRecordCreatedAt").asText()).isEqualTo("2012-04-01T07:00:00.000Z");
        assertThat(page.get("results").get(0).get("value").decimalValue()).isEqualByComparingTo("295279.248");
    }

    @Test
    void monthlyConsumptionOverHttpAddsUpToTheLastMinusTheFirstReading() throws Exception {
        JsonNode data = get("/v1/metering/consumption/" + DemoIds.AMPDS2_WATER + "/" + DemoIds.AMPDS2_WATER_VOLUME
                + "?interval=month&start_date=2012-04-01T07:00:00Z&end_date=2014-04-01T06:59:00Z", portal, 200).get("data");

        assertThat(data.get("periods")).hasSize(25);
        // February 2013 in Berlin: 2013-01-31T23:00Z to 2013-02-28T23:00Z, both hourly readings
        JsonNode february = data.get("periods").get(10);
        assertThat(february.get("start").asText()).isEqualTo("2013-01-31T23:00:00.000Z");
        assertThat(february.get("start_value").decimalValue()).isEqualByComparingTo("246776.0");
        assertThat(february.get("end_value").decimalValue()).isEqualByComparingTo("271135.5");
        assertThat(february.get("consumption").decimalValue()).isEqualByComparingTo("24359.5");
        // 594169.5 - 45287.526 litres
        assertThat(data.get("total").get("consumption").decimalValue()).isEqualByComparingTo("548881.974");
        assertThat(data.get("total").get("periods_without_value").asInt()).isZero();
    }

    @Test
    void countersCarryForecastsAndNoDemoReadingWasJudgedImplausible() throws Exception {
        JsonNode gas = get("/v1/metering/counter/" + DemoIds.AMPDS2_GAS_VOLUME + "?forecast_date=2014-03-01", portal, 200).get("data");

        // the last reading is the file's last value, so nothing was left out as implausible
        assertThat(gas.get("current_consumption").decimalValue()).isEqualByComparingTo("1086031.863");
        // March 1st 2014 ends at 23:00Z in Berlin, where the file has a reading
        assertThat(gas.get("forecast_reading_value").asText()).isEqualTo("1046389.463");
        assertThat(gas.get("forecast_as_of").asText()).isEqualTo("2014-03-01");
        JsonNode implausible = get("/v1/metering/reading/" + DemoIds.AMPDS2_GAS + "/" + DemoIds.AMPDS2_GAS_VOLUME
                + "?size=-1&start_date=2012-01-01&end_date=2014-12-31", admin, 200).get("results");
        assertThat(implausible).hasSize(17521);
        implausible.forEach(r -> assertThat(r.has("status")).as(r.toString()).isFalse());
    }

    @Test
    void aBadTokenIs401AndNotALeak() throws Exception {
        JsonNode body = get("/v1/metering/meter", "not-a-token", 401);
        assertThat(body.has("message")).isTrue();
    }

    /**
     * epilot's published client (@epilot/metering-client 0.8.2, from npm, unchanged) runs every
     * operation it offers against this service; see clients/epilot-compat. Skipped where Node.js is
     * not installed.
     */
    @Test
    void epilotsPublishedClientWorksUnchanged() throws Exception {
        Path project = Path.of("..", "clients", "epilot-compat").toAbsolutePath().normalize();
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "Node.js and npm are needed for the client test");
        if (!java.nio.file.Files.isDirectory(project.resolve("node_modules"))) {
            run(project, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        }
        Map<String, String> env = Map.of("BASE_URL", "http://localhost:" + server.port(), "ADMIN_TOKEN", admin,
                "PORTAL_TOKEN", portal, "POWER_METER", DemoIds.LIANDER_POWER.toString(),
                "POWER_T1", DemoIds.lianderPowerRegister(1).toString(), "GAS_METER", DemoIds.LIANDER_GAS.toString(),
                "GAS_COUNTER", DemoIds.LIANDER_GAS_VOLUME.toString(), "CONTRACT_ID", DemoIds.CONTRACT_ID);
        String output = run(project, env, "node", "--test", "compat.test.js");
        assertThat(output).contains("# fail 0").doesNotContain("# pass 0");
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, command)));
    }

    private static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("%s finished", String.join(" ", command)).isTrue();
        assertThat(p.exitValue()).as("%s exited with:%n%s", String.join(" ", command), output).isZero();
        return output;
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (n.get("_id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no item " + id + " in " + array);
    }

    private static JsonNode get(String path, String token, int expectedStatus) throws Exception {
        Http.Reply response = http.get(path, token);
        assertThat(response.status()).as("GET %s answered %s", path, response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
