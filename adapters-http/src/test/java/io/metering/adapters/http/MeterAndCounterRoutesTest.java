package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** getCustomerMeters, getMetersByContractId, getMeter, updateMeter, getMeterCounters, getCounterDetails. */
class MeterAndCounterRoutesTest {
    @RegisterExtension
    static final TestApp t = new TestApp();
    private String contact;
    private String contract;
    private Meter meter;
    private Counter counter;

    @BeforeEach
    void seed() {
        contact = "contact-" + UUID.randomUUID();
        contract = "contract-" + UUID.randomUUID();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("meter_number", "1ESY1160123456");
        attributes.put("ma_lo_id", "51238696781");
        attributes.put("sector", "power");
        attributes.put("meter_type", "smart-meter");
        attributes.put("customer", TestApp.relation(contact, "contact"));
        attributes.put("journey_actions", Map.of("journey_id", "j-1", "slug", "submit-reading"));
        attributes.put("location", Map.of("city", "Köln", "postal_code", new java.math.BigDecimal("50667")));
        meter = t.meter(attributes);
        counter = t.counter(meter, Map.of("obis_number", "1-0:1.8.0", "direction", "feed-out", "tariff_type", "ht",
                "unit", "kWh", "transformer_ratio", new java.math.BigDecimal("70"), "register_capacity", new java.math.BigDecimal("100000")));
    }

    private void writeReading(String value) {
        Reply r = t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + meter.id() + "\",\"value\":" + value
                + ",\"source\":\"360\",\"timestamp\":\"2024-06-01T08:00:00Z\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void customerMetersListsThePortalUsersMetersWithReadingAndJourneyActions() {
        t.meter(Map.of("meter_number", "not-mine"));
        writeReading("1250.50");

        Reply r = t.get("/v1/metering/meter", t.portalToken(contact));

        assertThat(r.status()).isEqualTo(200);
        JsonNode data = r.json().get("data");
        assertThat(data).hasSize(1);
        JsonNode m = data.get(0);
        assertThat(m.get("_id").asText()).isEqualTo(meter.id().toString());
        assertThat(m.get("_schema").asText()).isEqualTo("meter");
        assertThat(m.get("_org").asText()).isEqualTo(TestApp.ORG);
        assertThat(m.get("_title").asText()).isEqualTo("1ESY1160123456");
        assertThat(m.get("_created_at").asText()).isEqualTo("2024-06-15T10:00:00.000Z");
        assertThat(m.get("meter_type").asText()).isEqualTo("smart-meter");
        assertThat(m.get("journey_actions").get("slug").asText()).isEqualTo("submit-reading");
        assertThat(m.get("last_reading").asText()).isEqualTo("2024-06-01T08:00:00.000Z");
        assertThat(r.body()).contains("\"current_consumption\":1250.5");
        assertThat(m.get("customer").get("$relation").get(0).get("entity_id").asText()).isEqualTo(contact);
        assertThat(m.has("pending_changesets")).isFalse();
        assertThat(t.get("/v1/metering/meter?include_pending_changesets=true", t.portalToken(contact)).json()
                .get("data").get(0).get("pending_changesets")).isEmpty();
    }

    @Test
    void customerMetersIsForPortalUsersOnly() {
        assertReason(t.get("/v1/metering/meter", t.adminToken()), 403, "forbidden_option");
        assertReason(t.get("/v1/metering/meter?include_pending_changesets=maybe", t.portalToken(contact)), 400, "invalid_parameter");
    }

    @Test
    void metersByContractForAdminsAndForPortalUsersOfThatContract() {
        Meter byContract = t.meter(Map.of("contract", TestApp.relation(contract)));

        JsonNode asAdmin = t.get("/v1/metering/contract/meters/" + contract, t.adminToken()).json().get("data");
        JsonNode asPortal = t.get("/v1/metering/contract/meters/" + contract, t.portalToken("nobody", contract)).json().get("data");
        JsonNode asStranger = t.get("/v1/metering/contract/meters/" + contract, t.portalToken("nobody")).json().get("data");

        assertThat(asAdmin).hasSize(1);
        assertThat(asAdmin.get(0).get("_id").asText()).isEqualTo(byContract.id().toString());
        assertThat(asPortal).hasSize(1);
        assertThat(asStranger).isEmpty();
    }

    @Test
    void getMeterAnswersEntityJourneyActionsAndRelations() {
        Reply r = t.get("/v1/metering/meter/" + meter.id(), t.portalToken(contact));

        assertThat(r.status()).isEqualTo(200);
        JsonNode data = r.json().get("data");
        assertThat(data.get("entity").get("_id").asText()).isEqualTo(meter.id().toString());
        assertThat(data.get("journey_actions").get("journey_id").asText()).isEqualTo("j-1");
        assertThat(data.get("relations").isArray()).isTrue();
        assertThat(data.get("entity").get("location").get("city").asText()).isEqualTo("Köln");
        assertThat(t.get("/v1/metering/meter/" + meter.id(), t.adminToken()).status()).as("admins may read").isEqualTo(200);
        assertReason(t.get("/v1/metering/meter/" + meter.id(), t.portalToken("someone-else")), 404, "not_found");
        assertReason(t.get("/v1/metering/meter/" + meter.id(), t.adminToken(TestApp.OTHER_ORG)), 404, "not_found");
        assertReason(t.get("/v1/metering/meter/not-a-uuid", t.adminToken()), 404, "not_found");
    }

    @Test
    void updateMeterKeepsUnknownAttributesExactlyAsSent() {
        String body = "{\"manufacturer\":\"Energy One\",\"custom\":{\"a\":null,\"b\":[1,2.5,true,\"x\"],\"c\":{\"d\":12.5}}}";

        Reply r = t.patch("/v1/metering/meter/" + meter.id(), t.portalToken(contact), body);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("data").get("manufacturer").asText()).isEqualTo("Energy One");
        assertThat(r.body()).contains("\"custom\":{\"a\":null,\"b\":[1,2.5,true,\"x\"],\"c\":{\"d\":12.5}}");
        assertThat(t.get("/v1/metering/meter/" + meter.id(), t.adminToken()).body())
                .contains("\"custom\":{\"a\":null,\"b\":[1,2.5,true,\"x\"],\"c\":{\"d\":12.5}}");
    }

    @Test
    void updateMeterRefusesWhatThePortalMayNotChangeAndBadBodies() {
        assertReason(t.patch("/v1/metering/meter/" + meter.id(), t.portalToken(contact), "{\"status\":\"decommissioned\"}"),
                403, "forbidden_option");
        assertReason(t.patch("/v1/metering/meter/" + meter.id(), t.portalToken(contact), "{}"), 400, "missing_params");
        // the contract's body is optional: none at all (axios sends its form type then) is nothing to change
        assertReason(t.send("PATCH", "/v1/metering/meter/" + meter.id(), t.portalToken(contact), "application/x-www-form-urlencoded", null),
                400, "missing_params");
        assertReason(t.patch("/v1/metering/meter/" + meter.id(), t.adminToken(), "{\"sector\":\"steam\"}"), 400, "invalid_parameter");
        assertReason(t.patch("/v1/metering/meter/" + meter.id(), t.adminToken(), "{\"sector\":"), 400, "invalid_body");
        assertReason(t.patch("/v1/metering/meter/" + meter.id(), t.adminToken(), "\"text\""), 400, "invalid_body");
        assertReason(t.send("PATCH", "/v1/metering/meter/" + meter.id(), t.adminToken(), "application/x-www-form-urlencoded", "a=b"),
                415, "unsupported_media_type");
        assertReason(t.patch("/v1/metering/meter/" + meter.id(), t.portalToken("someone-else"), "{\"manufacturer\":\"x\"}"),
                404, "not_found");
        Reply admin = t.patch("/v1/metering/meter/" + meter.id(), t.adminToken(), "{\"status\":\"decommissioned\"}");
        assertThat(admin.json().get("data").get("status").asText()).isEqualTo("decommissioned");
    }

    @Test
    void meterCountersListsTheRegistersInContractShape() {
        writeReading("1250.5");

        Reply r = t.get("/v1/metering/counter?meter_id=" + meter.id(), t.portalToken(contact));

        assertThat(r.status()).isEqualTo(200);
        JsonNode c = r.json().get("data").get(0);
        assertThat(c.get("_id").asText()).isEqualTo(counter.id().toString());
        assertThat(c.get("_schema").asText()).isEqualTo("meter_counter");
        assertThat(c.get("_title").asText()).isEqualTo("1-0:1.8.0");
        assertThat(c.get("obis_number").asText()).isEqualTo("1-0:1.8.0");
        assertThat(c.get("direction").asText()).isEqualTo("feed-out");
        assertThat(c.get("tariff_type").asText()).isEqualTo("ht");
        assertThat(c.get("unit").asText()).isEqualTo("kWh");
        assertThat(c.get("transformer_ratio").isNumber()).isTrue();
        assertThat(c.get("register_capacity").asInt()).isEqualTo(100000);
        assertThat(c.get("last_reading").asText()).isEqualTo("2024-06-01T08:00:00.000Z");
        assertThat(c.get("current_consumption").decimalValue()).isEqualByComparingTo("1250.5");
        assertThat(c.get("forecast_reading_value").isTextual()).as("a string per contract").isTrue();
        assertThat(c.get("forecast_reading_value").asText()).isEqualTo("1261");
        assertThat(c.get("forecast_as_of").asText()).isEqualTo("2024-06-15");
    }

    @Test
    void meterCountersNeedsAReachableMeter() {
        assertReason(t.get("/v1/metering/counter", t.adminToken()), 400, "missing_params");
        assertReason(t.get("/v1/metering/counter?meter_id=xyz", t.adminToken()), 404, "not_found");
        assertReason(t.get("/v1/metering/counter?meter_id=" + meter.id(), t.portalToken("someone-else")), 404, "not_found");
    }

    @Test
    void counterDetails() {
        Reply r = t.get("/v1/metering/counter/" + counter.id(), t.portalToken(contact));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("data").get("meter_id").asText()).isEqualTo(meter.id().toString());
        assertThat(r.json().get("data").has("last_reading")).as("no readings yet").isFalse();
        assertReason(t.get("/v1/metering/counter/" + counter.id(), t.portalToken("someone-else")), 404, "not_found");
        assertReason(t.get("/v1/metering/counter/" + UUID.randomUUID(), t.adminToken()), 404, "not_found");
    }
}
