package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** createPortalMeterReadings and the query options of createMeterReadings over the real app. */
class PortalReadingsRoutesTest {
    private static final String CONTACT = "contact-portal";
    @RegisterExtension
    static final TestApp t = new TestApp();
    private Meter meter;
    private Counter counter;

    @BeforeEach
    void freshMeter() {
        meter = t.powerMeterOf(CONTACT);
        counter = t.counter(meter, TestApp.FEED_OUT);
    }

    private String path() {
        return "/v1/metering/readings/" + meter.id();
    }

    private String reading(String value, String timestamp) {
        return js("{'counter_id':'" + counter.id() + "','value':" + value + ",'source':'ECP','timestamp':'" + timestamp + "'}");
    }

    private String body(String... readings) {
        return "{\"readings\":[" + String.join(",", readings) + "]}";
    }

    private long hits() {
        return t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id(), t.adminToken()).json().get("hits").asLong();
    }

    @Test
    void portalUserWritesReadingsOfTheirMeterTakenFromThePath() {
        Reply r = t.post(path(), t.portalToken(CONTACT), body(reading("10", "2024-06-01T00:00:00Z"), reading("12.5", "2024-06-02T00:00:00Z")));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode data = r.json().get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("meter_id").asText()).isEqualTo(meter.id().toString());
        assertThat(data.get(1).get("value").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(data.get(1).get("direction").asText()).isEqualTo("feed-out");
        assertThat(r.json().has("pending_changesets")).isFalse();
        assertThat(hits()).isEqualTo(2);
    }

    @Test
    void adminsMayUseItToo() {
        assertThat(t.post(path(), t.adminToken(), body(reading("10", "2024-06-01T00:00:00Z"))).status()).isEqualTo(200);
        assertThat(t.post(path() + "?direct=true", t.adminToken(), body(reading("11", "2024-06-02T00:00:00Z"))).status()).isEqualTo(200);
    }

    @Test
    void aBodyMeterIdMustBeThePathsMeter() {
        String same = js("{'meter_id':'" + meter.id() + "','counter_id':'" + counter.id() + "','value':1,'source':'ECP','timestamp':'2024-06-01T00:00:00Z'}");
        String other = js("{'meter_id':'" + UUID.randomUUID() + "','counter_id':'" + counter.id() + "','value':2,'source':'ECP','timestamp':'2024-06-02T00:00:00Z'}");

        assertThat(t.post(path(), t.portalToken(CONTACT), body(same)).status()).isEqualTo(200);
        Reply r = t.post(path(), t.portalToken(CONTACT), body(other));
        assertReason(r, 400, "invalid_parameter");
        assertThat(r.json().get("message").asText()).startsWith("readings[0]").contains("differs from the path");
        assertThat(hits()).isEqualTo(1);
    }

    @Test
    void everyReadingNamesItsCounter() {
        Reply r = t.post(path(), t.portalToken(CONTACT),
                body(reading("1", "2024-06-01T00:00:00Z"), js("{'value':2,'source':'ECP','timestamp':'2024-06-02T00:00:00Z'}")));

        assertReason(r, 400, "missing_params");
        assertThat(r.json().get("message").asText()).isEqualTo("readings[1]: counter_id is required");
    }

    @Test
    void portalUsersMayNotUseAdminOptions() {
        assertReason(t.post(path() + "?direct=true", t.portalToken(CONTACT), body(reading("1", "2024-06-01T00:00:00Z"))), 403,
                "forbidden_option");
        assertReason(t.post(path(), t.portalToken(CONTACT), body(reading("1", "2024-06-01T00:00:00Z").replace("ECP", "ERP"))), 403,
                "forbidden_option");
        String withStatus = js("{'counter_id':'" + counter.id() + "','value':1,'source':'ECP','status':'valid','timestamp':'2024-06-01T00:00:00Z'}");
        assertReason(t.post(path(), t.portalToken(CONTACT), body(withStatus)), 403, "forbidden_option");
        assertThat(hits()).isZero();
    }

    @Test
    void anotherCustomersMeterReadsAsNotFound() {
        assertReason(t.post(path(), t.portalToken("someone-else"), body(reading("1", "2024-06-01T00:00:00Z"))), 404, "not_found");
        assertReason(t.post("/v1/metering/readings/not-a-uuid", t.portalToken(CONTACT), body(reading("1", "2024-06-01T00:00:00Z"))), 404,
                "not_found");
    }

    @Test
    void theWriteRulesApplyAllOrNothing() {
        assertThat(t.post(path(), t.portalToken(CONTACT), body(reading("100", "2024-06-01T00:00:00Z"))).status()).isEqualTo(200);

        Reply lower = t.post(path(), t.portalToken(CONTACT), body(reading("101", "2024-06-02T00:00:00Z"), reading("99", "2024-06-03T00:00:00Z")));
        assertReason(lower, 400, "less_than_previous");
        assertThat(lower.json().get("message").asText()).startsWith("readings[1]");
        assertReason(t.post(path(), t.portalToken(CONTACT), body(reading("100", "2024-06-01T00:00:00Z"))), 400, "duplicate_reading");
        assertReason(t.post(path(), t.portalToken(CONTACT), body(reading("200", "2024-06-16T00:00:00Z"))), 400, "timestamp_future");
        assertThat(hits()).isEqualTo(1);
    }

    @Test
    void refusesEmptyAndOversizedBatches() {
        String many = IntStream.range(0, 101).mapToObj(i -> reading(String.valueOf(i),
                Instant.parse("2024-01-01T00:00:00Z").plus(Duration.ofHours(i)).toString())).collect(Collectors.joining(","));

        assertReason(t.post(path(), t.portalToken(CONTACT), body(many)), 400, "too_many_records");
        assertReason(t.post(path(), t.portalToken(CONTACT), body()), 400, "missing_params");
        assertReason(t.post(path(), t.portalToken(CONTACT), "{\"readings\":[null]}"), 400, "invalid_body");
    }

    @Test
    void aGovernedMeterTurnsPortalReadingsIntoChangesets() {
        t.govern(meter, Map.of("edit_mode", "approval"));

        Reply r = t.post(path(), t.portalToken(CONTACT), body(reading("10", "2024-06-01T00:00:00Z")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("data")).isEmpty();
        assertThat(r.json().get("pending_changesets").get(0).get("created_by").get("type").asText()).isEqualTo("portal_user");
        assertThat(hits()).isZero();
    }

    // ------------------------------------------------------------------ createMeterReadings' query options

    @Test
    void createMeterReadingsWritesAreVisibleAtOnceWhateverAsyncSays() {
        String readings = body(js("{'meter_id':'" + meter.id() + "','counter_id':'" + counter.id()
                + "','value':5,'source':'ERP','timestamp':'2024-06-01T00:00:00Z'}"));

        Reply r = t.post("/v1/metering/readings?async=true&activity_id=01F130Q52Q6MWSNS8N2AVXV4JN&create_ticket=true", t.adminToken(),
                readings);

        assertThat(r.status()).isEqualTo(200);
        assertThat(hits()).as("async changes nothing: the write is visible to the next read").isEqualTo(1);
        assertReason(t.post("/v1/metering/readings?async=later", t.adminToken(), readings), 400, "invalid_parameter");
        assertReason(t.post("/v1/metering/readings?create_ticket=1", t.adminToken(), readings), 400, "invalid_parameter");
    }

    /** A text field sent as another JSON type is refused, not stored as its text. */
    @Test
    void aTextFieldSentAsANumberIsRefused() {
        String r = reading("10", "2024-06-01T00:00:00Z");
        Reply reply = t.post(path(), t.portalToken(CONTACT), body(r.substring(0, r.length() - 1) + ",\"read_by\":7}"));
        assertReason(reply, 400, "invalid_parameter");
        assertThat(reply.json().get("message").asText()).contains("read_by must be a string");
        assertThat(hits()).isZero();
    }
}
