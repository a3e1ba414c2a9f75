package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.Http.Reply;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** This product's admin extension: meter and counter administration. */
class AdminRoutesTest {
    @RegisterExtension
    static final TestApp t = new TestApp();

    private static String createMeter(String body) {
        Reply r = t.post("/v1/metering/admin/meters", t.adminToken(), body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("data").get("_id").asText();
    }

    @Test
    void createsGetsUpdatesAndDeletesAMeter() {
        String id = UUID.randomUUID().toString();
        Reply created = t.post("/v1/metering/admin/meters", t.adminToken(),
                "{\"_id\":\"" + id + "\",\"meter_number\":\"M-1\",\"sector\":\"gas\",\"contract_periods\":[{\"start_date\":\"2024-01-01\"}],"
                        + "\"reading_governance\":{\"edit_mode\":\"external\",\"match_strategy\":\"fuzzy\","
                        + "\"fuzzy_config\":{\"percentage_threshold\":0.05},\"timestamp_tolerance\":{\"type\":\"same-day\",\"timezone\":\"Europe/Berlin\"}}}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/metering/admin/meters/" + id);
        JsonNode data = created.json().get("data");
        assertThat(data.get("_id").asText()).isEqualTo(id);
        assertThat(data.get("status").asText()).isEqualTo("active");
        assertThat(data.get("contract_periods").get(0).get("start_date").asText()).isEqualTo("2023-12-31T23:00:00.000Z");
        JsonNode governance = data.get("reading_governance");
        assertThat(governance.get("edit_mode").asText()).isEqualTo("external");
        assertThat(governance.get("fuzzy_config").get("percentage_threshold").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(governance.get("timestamp_tolerance").get("timezone").asText()).isEqualTo("Europe/Berlin");

        assertThat(t.get("/v1/metering/admin/meters/" + id, t.adminToken()).json().get("data").get("meter_number").asText())
                .isEqualTo("M-1");
        Reply patched = t.patch("/v1/metering/admin/meters/" + id, t.adminToken(), "{\"meter_number\":null,\"manufacturer\":\"ACME\"}");
        assertThat(patched.json().get("data").has("meter_number")).isFalse();
        assertThat(patched.json().get("data").get("manufacturer").asText()).isEqualTo("ACME");

        Reply deleted = t.delete("/v1/metering/admin/meters/" + id, t.adminToken());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertReason(t.get("/v1/metering/admin/meters/" + id, t.adminToken()), 404, "not_found");
        assertReason(t.delete("/v1/metering/admin/meters/" + id, t.adminToken()), 404, "not_found");
    }

    @Test
    void createRefusesTakenIdsAndBadAttributes() {
        String id = createMeter("{\"meter_number\":\"M-dup\"}");

        assertReason(t.post("/v1/metering/admin/meters", t.adminToken(), "{\"_id\":\"" + id + "\"}"), 409, "conflict");
        assertReason(t.post("/v1/metering/admin/meters", t.adminToken(), "{\"_id\":\"nope\"}"), 400, "invalid_parameter");
        assertReason(t.post("/v1/metering/admin/meters", t.adminToken(), "{\"status\":\"broken\"}"), 400, "invalid_parameter");
        assertReason(t.post("/v1/metering/admin/meters", t.adminToken(), "{\"x\":1e999999999}"), 400, "invalid_value");
        assertReason(t.post("/v1/metering/admin/meters", t.adminToken(), "[]"), 400, "invalid_body");
    }

    @Test
    void listsWithFiltersAndPaging() {
        String tag = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            t.clock.advance(java.time.Duration.ofSeconds(1)); // the list is ordered by creation time
            createMeter("{\"meter_number\":\"L-" + i + "\",\"contract\":{\"$relation\":[{\"entity_id\":\"" + tag + "\"}]}}");
        }
        createMeter("{\"ma_lo_id\":\"" + tag + "\"}");

        JsonNode page = t.get("/v1/metering/admin/meters?contract_id=" + tag + "&size=2&from=1", t.adminToken()).json();
        JsonNode byMaLo = t.get("/v1/metering/admin/meters?ma_lo_id=" + tag, t.adminToken()).json();
        JsonNode byNumber = t.get("/v1/metering/admin/meters?meter_number=L-0&contract_id=" + tag, t.adminToken()).json();

        assertThat(page.get("hits").asLong()).isEqualTo(3);
        assertThat(page.get("data")).hasSize(2);
        assertThat(page.get("data").get(0).get("meter_number").asText()).isEqualTo("L-1");
        assertThat(byMaLo.get("hits").asLong()).isEqualTo(1);
        assertThat(byNumber.get("data").get(0).get("meter_number").asText()).isEqualTo("L-0");
        assertReason(t.get("/v1/metering/admin/meters?size=1001", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get("/v1/metering/admin/meters?size=-1", t.adminToken()), 400, "invalid_parameter");
    }

    @Test
    void aCounterTakesOnlyAnObisCodeAsItsObisNumber() {
        String meterId = createMeter("{\"meter_number\":\"C-OBIS\"}");
        String counters = "/v1/metering/admin/meters/" + meterId + "/counters";

        Reply refused = t.post(counters, t.adminToken(), "{\"obis_number\":\"zzzz\",\"unit\":\"kWh\"}");
        assertReason(refused, 400, "invalid_parameter");
        assertThat(refused.json().get("message").asText()).startsWith("obis_number 'zzzz' is not an OBIS code").contains("1-0:1.8.0");
        assertThat(t.get(counters, t.adminToken()).json().get("data")).as("nothing stored").isEmpty();

        String counterId = null;
        for (String obis : new String[] {"1-0:1.8.0*255", "1.8.0", "A-34"}) {
            Reply created = t.post(counters, t.adminToken(), "{\"obis_number\":\"" + obis + "\"}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().get("data").get("obis_number").asText()).isEqualTo(obis);
            counterId = counterId == null ? created.json().get("data").get("_id").asText() : counterId;
        }
        assertReason(t.patch("/v1/metering/admin/counters/" + counterId, t.adminToken(), "{\"obis_number\":\"meter one\"}"),
                400, "invalid_parameter");
        assertThat(t.get("/v1/metering/admin/counters/" + counterId, t.adminToken()).json().get("data").get("obis_number").asText())
                .isEqualTo("1-0:1.8.0*255");
    }

    @Test
    void managesCountersOfAMeter() {
        String meterId = createMeter("{\"meter_number\":\"C-1\"}");

        Reply created = t.post("/v1/metering/admin/meters/" + meterId + "/counters", t.adminToken(),
                "{\"obis_number\":\"1-0:1.8.1\",\"tariff_type\":\"ht\",\"conversion_factor\":10.50,\"vendor_code\":\"X1\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String counterId = created.json().get("data").get("_id").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/metering/admin/counters/" + counterId);
        assertThat(created.body()).contains("\"conversion_factor\":10.5,").contains("\"vendor_code\":\"X1\"");

        assertThat(t.get("/v1/metering/admin/meters/" + meterId + "/counters", t.adminToken()).json().get("data")).hasSize(1);
        Reply patched = t.patch("/v1/metering/admin/counters/" + counterId, t.adminToken(), "{\"direction\":\"feed-in\"}");
        assertThat(patched.json().get("data").get("direction").asText()).isEqualTo("feed-in");
        assertThat(t.get("/v1/metering/admin/counters/" + counterId, t.adminToken()).json().get("data").get("tariff_type").asText())
                .isEqualTo("ht");
        assertReason(t.patch("/v1/metering/admin/counters/" + counterId, t.adminToken(), "{\"transformer_ratio\":-1}"),
                400, "invalid_parameter");

        assertThat(t.delete("/v1/metering/admin/counters/" + counterId, t.adminToken()).status()).isEqualTo(204);
        assertReason(t.get("/v1/metering/admin/counters/" + counterId, t.adminToken()), 404, "not_found");
        assertReason(t.post("/v1/metering/admin/meters/" + UUID.randomUUID() + "/counters", t.adminToken(), "{}"), 404, "not_found");
    }

    @Test
    void aMeterIsNotDecommissionedBeforeAReadingItHoldsThroughEitherOperation() {
        String meterId = createMeter("{\"meter_number\":\"D-2\",\"sector\":\"power\"}");
        String counterId = t.post("/v1/metering/admin/meters/" + meterId + "/counters", t.adminToken(),
                "{\"obis_number\":\"1-0:1.8.0\",\"direction\":\"feed-out\",\"unit\":\"kWh\"}").json().get("data").get("_id").asText();
        Reply written = t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + meterId + "\",\"counter_id\":\""
                + counterId + "\",\"value\":1140,\"source\":\"360\",\"timestamp\":\"2024-06-01T08:00:00Z\"}");
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        String closeBefore = "{\"status\":\"decommissioned\",\"decommissioned_at\":\"2024-05-31T00:00:00Z\"}";

        for (String path : new String[] {"/v1/metering/admin/meters/" + meterId, "/v1/metering/meter/" + meterId}) {
            Reply refused = t.patch(path, t.adminToken(), closeBefore);
            assertReason(refused, 409, "readings_after_decommissioning");
            assertThat(refused.json().get("message").asText()).as(path).contains("2024-06-01T08:00:00Z");
        }
        assertThat(t.get("/v1/metering/admin/meters/" + meterId, t.adminToken()).json().get("data").get("status").asText())
                .isEqualTo("active");
        assertThat(t.patch("/v1/metering/admin/meters/" + meterId, t.adminToken(),
                "{\"status\":\"decommissioned\",\"decommissioned_at\":\"2024-06-01T08:00:00Z\"}").status()).isEqualTo(200);
    }

    @Test
    void aCounterHoldingReadingsKeepsItsDirectionAndUnit() {
        String meterId = createMeter("{\"meter_number\":\"D-1\",\"sector\":\"power\"}");
        String counterId = t.post("/v1/metering/admin/meters/" + meterId + "/counters", t.adminToken(),
                "{\"obis_number\":\"1-0:1.8.0\",\"direction\":\"feed-out\",\"unit\":\"kWh\"}").json().get("data").get("_id").asText();
        String counter = "/v1/metering/admin/counters/" + counterId;
        // no readings yet: any change is allowed
        assertThat(t.patch(counter, t.adminToken(), "{\"unit\":\"Wh\"}").status()).isEqualTo(200);
        assertThat(t.patch(counter, t.adminToken(), "{\"unit\":\"kWh\"}").status()).isEqualTo(200);
        Reply written = t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + meterId + "\",\"counter_id\":\""
                + counterId + "\",\"value\":1140,\"source\":\"360\",\"timestamp\":\"2024-06-01T08:00:00Z\"}");
        assertThat(written.status()).as(written.toString()).isEqualTo(200);

        assertReason(t.patch(counter, t.adminToken(), "{\"direction\":\"feed-in\"}"), 409, "counter_has_readings");
        assertReason(t.patch(counter, t.adminToken(), "{\"direction\":null,\"obis_number\":\"1-0:2.8.0\"}"), 409,
                "counter_has_readings");
        assertReason(t.patch(counter, t.adminToken(), "{\"unit\":\"Wh\"}"), 409, "counter_has_readings");
        JsonNode unchanged = t.get(counter, t.adminToken()).json().get("data");
        assertThat(unchanged.get("direction").asText()).isEqualTo("feed-out");
        assertThat(unchanged.get("unit").asText()).isEqualTo("kWh");
        // changes that keep the readings' meaning still pass: same direction, a title, the OBIS tariff register
        Reply same = t.patch(counter, t.adminToken(), "{\"direction\":\"feed-out\",\"_title\":\"main\",\"obis_number\":\"1-0:1.8.1\"}");
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        // and the series is still readable and writable under the old key
        Reply next = t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + meterId + "\",\"counter_id\":\""
                + counterId + "\",\"direction\":\"feed-out\",\"value\":1150,\"source\":\"360\",\"timestamp\":\"2024-06-02T08:00:00Z\"}");
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
    }

    /** The contract's Unit is free text: kept as sent; only surrounding blanks carry no meaning (docs/domain.md#counter-register). */
    @Test
    void aCounterUnitIsFreeTextKeptAsSentAndComparedWithoutSurroundingBlanks() {
        String meterId = createMeter("{\"meter_number\":\"U-1\",\"sector\":\"power\"}");
        Reply created = t.post("/v1/metering/admin/meters/" + meterId + "/counters", t.adminToken(),
                "{\"obis_number\":\"1-0:1.8.0\",\"direction\":\"feed-out\",\"unit\":\"Kilowattstunden (kWh)\"}");
        assertThat(created.json().at("/data/unit").asText()).isEqualTo("Kilowattstunden (kWh)");
        String counterId = created.json().at("/data/_id").asText();
        String counter = "/v1/metering/admin/counters/" + counterId;
        assertThat(t.patch(counter, t.adminToken(), "{\"unit\":\"kWh\"}").status()).isEqualTo(200);
        assertThat(t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + meterId + "\",\"counter_id\":\""
                + counterId + "\",\"value\":1140,\"source\":\"360\",\"timestamp\":\"2024-06-01T08:00:00Z\"}").status()).isEqualTo(200);

        Reply padded = t.patch(counter, t.adminToken(), "{\"unit\":\" kWh \"}");
        assertThat(padded.status()).as(padded.toString()).isEqualTo(200);
        assertThat(padded.json().at("/data/unit").asText()).isEqualTo(" kWh ");
        assertReason(t.patch(counter, t.adminToken(), "{\"unit\":\"kwh\"}"), 409, "counter_has_readings");
        assertReason(t.patch(counter, t.adminToken(), "{\"unit\":\"MWh\"}"), 409, "counter_has_readings");
    }

    @Test
    void bodylessOperationsIgnoreTheContentType() {
        String meterId = createMeter("{\"meter_number\":\"F-1\"}");

        Reply r = t.send("DELETE", "/v1/metering/admin/meters/" + meterId, t.adminToken(), "application/x-www-form-urlencoded", null);

        assertThat(r.status()).isEqualTo(204);
    }
}
