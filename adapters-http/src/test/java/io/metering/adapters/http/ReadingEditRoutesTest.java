package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** updateMeterReading and deleteMeterReading over the real app. */
class ReadingEditRoutesTest {
    @RegisterExtension
    static final TestApp t = new TestApp();
    private Meter meter;
    private Counter counter;

    /** Readings 100 on June 1st, 110 on June 3rd, 120 on June 5th. */
    @BeforeEach
    void seriesOfThree() {
        meter = t.meter(Map.of("sector", "power"));
        counter = t.counter(meter, TestApp.FEED_OUT);
        write("100", "2024-06-01T00:00:00Z");
        write("110", "2024-06-03T00:00:00Z");
        write("120", "2024-06-05T00:00:00Z");
    }

    private void write(String value, String timestamp) {
        Reply r = t.post("/v1/metering/reading", t.adminToken(), TestApp.reading(meter, counter, value, "360", timestamp));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private String at(String timestamp) {
        return "/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?timestamp=" + timestamp;
    }

    private static String change(String value) {
        return js("{'value':" + value + ",'source':'360'}");
    }

    /** The series as {@code timestamp=value} pairs, oldest first. */
    private List<String> series() {
        List<String> out = new ArrayList<>();
        t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?size=-1", t.adminToken()).json().get("results")
                .forEach(r -> out.add(r.get("timestamp").asText().substring(0, 10) + "=" + r.get("value").asText()));
        return out;
    }

    // ------------------------------------------------------------------ updateMeterReading

    @Test
    void updatesTheValueAndKeepsWhatTheBodyLeavesOut() {
        t.put(at("2024-06-03T00:00:00Z"), t.adminToken(), js("{'value':105,'source':'360','external_id':'ext-1','metadata':{'a':'b'}}"));

        Reply r = t.put(at("2024-06-03T00:00:00.000Z"), t.adminToken(), js("{'value':106.5,'source':'ERP','read_by':'Jane'}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode data = r.json().get("data");
        assertThat(data.get("value").decimalValue()).isEqualByComparingTo("106.5");
        assertThat(data.get("source").asText()).isEqualTo("ERP");
        assertThat(data.get("read_by").asText()).isEqualTo("Jane");
        assertThat(data.get("external_id").asText()).isEqualTo("ext-1");
        assertThat(data.get("metadata").get("a").asText()).isEqualTo("b");
        assertThat(series()).containsExactly("2024-06-01=100", "2024-06-03=106.5", "2024-06-05=120");
    }

    @Test
    void anExplicitNullClearsANullableFieldWhileAbsentFieldsKeep() {
        t.put(at("2024-06-03T00:00:00Z"), t.adminToken(),
                js("{'value':105,'source':'360','external_id':'ext-1','remark':'checked','read_by':'Jane','metadata':{'a':'b'}}"));

        Reply r = t.put(at("2024-06-03T00:00:00Z"), t.adminToken(), js("{'value':106,'source':'ERP','remark':null}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode data = r.json().get("data");
        assertThat(data.has("remark")).as(r.toString()).isFalse();
        assertThat(data.get("read_by").asText()).isEqualTo("Jane");
        assertThat(data.get("external_id").asText()).isEqualTo("ext-1");
        assertThat(data.get("metadata").get("a").asText()).isEqualTo("b");
    }

    @Test
    void aBodyTimestampMovesTheReadingValidatedAgainstItsNewNeighbours() {
        Reply moved = t.put(at("2024-06-03T00:00:00Z"), t.adminToken(), js("{'value':115,'source':'360','timestamp':'2024-06-04T00:00:00Z'}"));

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(series()).containsExactly("2024-06-01=100", "2024-06-04=115", "2024-06-05=120");

        assertReason(t.put(at("2024-06-04T00:00:00Z"), t.adminToken(), js("{'value':115,'source':'360','timestamp':'2024-06-06T00:00:00Z'}")),
                400, "less_than_previous");
        assertReason(t.put(at("2024-06-04T00:00:00Z"), t.adminToken(), js("{'value':101,'source':'360','timestamp':'2024-05-30T00:00:00Z'}")),
                400, "greater_than_subsequent");
        assertReason(t.put(at("2024-06-04T00:00:00Z"), t.adminToken(), js("{'value':130,'source':'360','timestamp':'2024-06-20T00:00:00Z'}")),
                400, "timestamp_future");
        assertThat(series()).containsExactly("2024-06-01=100", "2024-06-04=115", "2024-06-05=120");
    }

    @Test
    void theNewValueIsValidatedInPlace() {
        assertReason(t.put(at("2024-06-03T00:00:00Z"), t.adminToken(), change("99")), 400, "less_than_previous");
        assertReason(t.put(at("2024-06-03T00:00:00Z"), t.adminToken(), change("121")), 400, "greater_than_subsequent");
        assertThat(t.put(at("2024-06-03T00:00:00Z") + "&skip_validation=true", t.adminToken(), change("121")).status()).isEqualTo(200);
    }

    @Test
    void aMissingReadingIsNotFoundNotASilentNoOp() {
        assertReason(t.put(at("2024-06-02T00:00:00Z"), t.adminToken(), change("105")), 404, "not_found");
        assertReason(t.put("/v1/metering/reading/" + meter.id() + "/" + UUID.randomUUID() + "?timestamp=2024-06-03T00:00:00Z", t.adminToken(),
                change("105")), 404, "not_found");
        assertThat(series()).hasSize(3);
    }

    @Test
    void requiredFieldsAndParameters() {
        assertReason(t.put("/v1/metering/reading/" + meter.id() + "/" + counter.id(), t.adminToken(), change("105")), 400, "missing_params");
        assertReason(t.put(at("yesterday"), t.adminToken(), change("105")), 400, "invalid_timestamp");
        assertReason(t.put(at("2024-06-03T00:00:00Z"), t.adminToken(), js("{'source':'360'}")), 400, "missing_params");
        assertReason(t.put(at("2024-06-03T00:00:00Z"), t.adminToken(), js("{'value':105}")), 400, "missing_params");
        assertReason(t.put(at("2024-06-03T00:00:00Z"), t.adminToken(), js("{'value':'105','source':'360'}")), 400, "invalid_value");
        assertReason(t.put(at("2024-06-03T00:00:00Z"), t.adminToken(), ""), 400, "invalid_body");
    }

    @Test
    void bodyIdsMustAgreeWithThePath() {
        String sameIds = js("{'meter_id':'" + meter.id() + "','counter_id':'" + counter.id() + "','value':105,'source':'360'}");
        assertThat(t.put(at("2024-06-03T00:00:00Z"), t.adminToken(), sameIds).status()).isEqualTo(200);

        Reply otherMeter = t.put(at("2024-06-03T00:00:00Z"), t.adminToken(),
                js("{'meter_id':'" + UUID.randomUUID() + "','value':106,'source':'360'}"));
        assertReason(otherMeter, 400, "invalid_parameter");
        assertThat(otherMeter.json().get("message").asText()).startsWith("meter_id");
        Reply otherCounter = t.put(at("2024-06-03T00:00:00Z"), t.adminToken(),
                js("{'counter_id':'" + UUID.randomUUID() + "','value':106,'source':'360'}"));
        assertReason(otherCounter, 400, "invalid_parameter");
        assertThat(otherCounter.json().get("message").asText()).startsWith("counter_id");
        assertThat(series()).contains("2024-06-03=105");
    }

    @Test
    void isForAdminsOnly() {
        Meter own = t.meter(Map.of("customer", TestApp.relation("contact-1")));
        Counter c = t.counter(own, Map.of("obis_number", "1-0:1.8.0"));

        assertReason(t.put("/v1/metering/reading/" + own.id() + "/" + c.id() + "?timestamp=2024-06-03T00:00:00Z", t.portalToken("contact-1"),
                change("1")), 403, "forbidden_option");
        assertReason(t.delete("/v1/metering/reading/" + own.id() + "/" + c.id() + "?timestamp=2024-06-03T00:00:00Z", t.portalToken("contact-1")),
                403, "forbidden_option");
    }

    @Test
    void onAGovernedMeterAnUpdateBecomesAPendingChangeset() {
        t.govern(meter, Map.of("edit_mode", "external"));

        Reply r = t.put(at("2024-06-03T00:00:00Z"), t.adminToken(), change("112"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("data").get("value").asInt()).isEqualTo(112);
        JsonNode cs = r.json().get("pending_changesets").get(0);
        assertThat(cs.get("previous").get("value").asInt()).isEqualTo(110);
        assertThat(series()).contains("2024-06-03=110");

        Reply direct = t.put(at("2024-06-03T00:00:00Z") + "&direct=true", t.adminToken(), change("112"));
        assertThat(direct.json().has("pending_changesets")).isFalse();
        assertThat(series()).contains("2024-06-03=112");
        assertThat(t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "/changesets", t.adminToken()).json().get("changesets"))
                .as("the direct write confirmed the proposal").isEmpty();
    }

    // ------------------------------------------------------------------ deleteMeterReading

    @Test
    void deletesAndAnswersTheAddressInTheContractsShape() {
        Reply r = t.delete(at("2024-06-03"), t.adminToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"data\":{\"meterId\":\"" + meter.id() + "\",\"counterId\":\"" + counter.id()
                + "\",\"timestamp\":\"2024-06-03T00:00:00.000Z\"}}");
        assertThat(series()).containsExactly("2024-06-01=100", "2024-06-05=120");
        assertReason(t.delete(at("2024-06-03"), t.adminToken()), 404, "not_found");
    }

    @Test
    void deleteNeedsATimestampAndAReading() {
        assertReason(t.delete("/v1/metering/reading/" + meter.id() + "/" + counter.id(), t.adminToken()), 400, "missing_params");
        assertReason(t.delete(at("2024-06-02T00:00:00Z"), t.adminToken()), 404, "not_found");
        assertReason(t.delete(at("2024-06-03T00:00:00Z") + "&direction=up", t.adminToken()), 400, "invalid_parameter");
        assertThat(series()).hasSize(3);
    }

    @Test
    void aDeleteThatWouldBreakTheOrderIsRefusedUnlessValidationIsSkipped() {
        // a meter change at June 7th restarts the register at 5
        assertThat(t.post("/v1/metering/reading", t.adminToken(), js("{'meter_id':'" + meter.id() + "','counter_id':'" + counter.id()
                + "','value':5,'source':'360','reason':'meter_change','timestamp':'2024-06-07T00:00:00Z'}")).status()).isEqualTo(200);
        write("6", "2024-06-08T00:00:00Z");

        // without the segment start, 6 would follow 120
        assertReason(t.delete(at("2024-06-07T00:00:00Z"), t.adminToken()), 400, "less_than_previous");
        assertThat(series()).hasSize(5);
        assertThat(t.delete(at("2024-06-07T00:00:00Z") + "&skip_validation=true", t.adminToken()).status()).isEqualTo(200);
        assertThat(series()).hasSize(4);
    }
}
