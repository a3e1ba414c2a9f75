package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * createMeterReadingFromSubmission (docs/domain.md#journey-submissions) and createReadingWithMeter over
 * the real app.
 */
class SubmissionRoutesTest {
    private static final String SUBMISSION = "/v1/metering/reading/submission";
    private static final String WITH_METER = "/v1/metering/reading/with-meter";
    @RegisterExtension
    static final TestApp t = new TestApp();

    private static Meter meter(Map<String, Object> attributes) {
        Map<String, Object> all = new HashMap<>(Map.of("sector", "power"));
        all.putAll(attributes);
        return t.meter(all);
    }

    private static Counter counter(Meter m, String obis, String direction, String tariff) {
        Map<String, Object> a = new HashMap<>(Map.of("obis_number", obis));
        if (direction != null) {
            a.put("direction", direction);
        }
        if (tariff != null) {
            a.put("tariff_type", tariff);
        }
        return t.counter(m, a);
    }

    private static Reply submit(String... entries) {
        return t.post(SUBMISSION, t.adminToken(), "{\"org_id\":\"" + TestApp.ORG + "\",\"entity\":{\"_org\":\"" + TestApp.ORG
                + "\",\"journey\":{\"name\":\"Meter reading\"},\"meterReadings\":[" + String.join(",", entries) + "]}}");
    }

    /** The counter's readings as {@code value/source/direction}, oldest first. */
    private static List<String> readings(Meter m, Counter c) {
        List<String> out = new ArrayList<>();
        t.get("/v1/metering/reading/" + m.id() + "/" + c.id() + "?size=-1", t.adminToken()).json().get("results").forEach(r -> out.add(
                r.get("value").asText() + "/" + r.get("source").asText() + "/" + r.get("direction").asText()));
        return out;
    }

    private static void assertProcessed(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"message\":\"Successfully Processed\"}");
    }

    // ------------------------------------------------------------------ createMeterReadingFromSubmission

    @Test
    void oneTariffPutsTheReadingValueOnTheSingleCounter() {
        Meter m = meter(Map.of());
        Counter c = counter(m, "1-0:1.8.0", null, null);

        assertProcessed(submit(js("{'meterId':'" + m.id() + "','meterType':'one_tariff','readingValue':1250.5,"
                + "'readingDate':'2024-06-01T08:00:00Z','readBy':'Jane','reason':'regular','maloId':'x','readingUnit':'kWh'}")));

        assertThat(readings(m, c)).containsExactly("1250.5/journey-submission/feed-out");
    }

    @Test
    void oneTariffWithOnlyAFeedInValueWritesFeedIn() {
        Meter m = meter(Map.of());
        Counter c = counter(m, "1-0:2.8.0", null, null);

        assertProcessed(submit(js("{'meterId':'" + m.id() + "','feedInValue':300,'readingDate':'2024-06-01T08:00:00Z'}")));

        assertThat(readings(m, c)).containsExactly("300/journey-submission/feed-in");
    }

    @Test
    void twoTariffPutsHtAndNtOnTheirCounters() {
        Meter m = meter(Map.of());
        Counter ht = counter(m, "1-0:1.8.1", null, "ht");
        Counter nt = counter(m, "1-0:1.8.2", null, "nt");

        assertProcessed(submit(js("{'meterId':'" + m.id() + "','meterType':'two_tariff','htValue':1000.25,'ntValue':400,"
                + "'readingDate':'2024-06-01T08:00:00Z'}")));

        assertThat(readings(m, ht)).containsExactly("1000.25/journey-submission/feed-out");
        assertThat(readings(m, nt)).containsExactly("400/journey-submission/feed-out");
    }

    @Test
    void biDirectionalPutsFeedInAndFeedOutOnTheirCounters() {
        Meter m = meter(Map.of());
        Counter out = counter(m, "1-0:1.8.0", "feed-out", null);
        Counter in = counter(m, "1-0:2.8.0", "feed-in", null);

        assertProcessed(submit(js("{'meterId':'" + m.id() + "','meterType':'bi_directional','feedInValue':12,'feedOutValue':3400,"
                + "'readingDate':'2024-06-01T08:00:00Z'}")));

        assertThat(readings(m, in)).containsExactly("12/journey-submission/feed-in");
        assertThat(readings(m, out)).containsExactly("3400/journey-submission/feed-out");
    }

    @Test
    void explicitReadingsWinOverTypedValues() {
        Meter m = meter(Map.of());
        Counter ht = counter(m, "1-0:1.8.1", null, "ht");
        Counter nt = counter(m, "1-0:1.8.2", null, "nt");

        assertProcessed(submit(js("{'meterId':'" + m.id() + "','meterType':'two_tariff','htValue':1,'ntValue':2,"
                + "'readingDate':'2024-06-01T08:00:00Z','readings':[{'counterId':'" + nt.id() + "','direction':'feed-out','value':77}]}")));

        assertThat(readings(m, ht)).isEmpty();
        assertThat(readings(m, nt)).containsExactly("77/journey-submission/feed-out");
    }

    /** Nothing to write is no success (docs/domain.md#journey-submissions); entries without values beside others are skipped. */
    @Test
    void aSubmissionThatWouldWriteNothingIsRefusedNamingTheEntry() {
        Meter m = meter(Map.of());
        Counter c = counter(m, "1-0:1.8.0", null, null);
        String empty = js("{'meterId':'" + m.id() + "','meterType':'one_tariff'}");

        Reply nullAndEmpty = submit("null", empty);
        Reply onlyEmpty = submit(empty);
        Reply onlyNull = submit("null");
        Reply noEntry = submit();
        Reply noEntity = t.post(SUBMISSION, t.adminToken(), "{}");

        assertReason(nullAndEmpty, 400, "missing_params");
        assertThat(nullAndEmpty.json().get("message").asText())
                .isEqualTo("meterReadings[0] is null and no later entry holds one either; the submission has no reading to write");
        assertReason(onlyEmpty, 400, "missing_params");
        assertThat(onlyEmpty.json().get("message").asText()).startsWith("meterReadings[0] holds no value (readingValue");
        assertReason(onlyNull, 400, "missing_params");
        assertThat(onlyNull.json().get("message").asText()).startsWith("meterReadings[0] is null;");
        assertReason(noEntry, 400, "missing_params");
        assertReason(noEntity, 400, "missing_params");
        assertThat(noEntity.json().get("message").asText()).startsWith("entity.meterReadings holds no entry");
        assertThat(readings(m, c)).isEmpty();

        assertProcessed(submit("null", empty, js("{'meterId':'" + m.id() + "','readingValue':7,'readingDate':'2024-06-01T00:00:00Z'}")));
        assertThat(readings(m, c)).containsExactly("7/journey-submission/feed-out");
    }

    @Test
    void theWriteRulesApplyAndNameTheSubmittedValue() {
        Meter m = meter(Map.of());
        Counter ht = counter(m, "1-0:1.8.1", null, "ht");
        counter(m, "1-0:1.8.2", null, "nt");
        assertProcessed(submit(js("{'meterId':'" + m.id() + "','meterType':'two_tariff','htValue':100,'readingDate':'2024-06-01T00:00:00Z'}")));

        Reply lower = submit(js("{'meterId':'" + m.id() + "','meterType':'two_tariff','htValue':99,'readingDate':'2024-06-02T00:00:00Z'}"));
        assertReason(lower, 400, "less_than_previous");
        assertThat(lower.json().get("message").asText()).startsWith("meterReadings[0].htValue");
        assertReason(submit(js("{'meterId':'" + m.id() + "','meterType':'two_tariff','htValue':101,'readingDate':'2024-05-01T00:00:00Z'}")),
                400, "greater_than_subsequent");
        assertReason(submit(js("{'meterId':'" + m.id() + "','meterType':'two_tariff','htValue':101,'readingDate':'2024-06-20T00:00:00Z'}")),
                400, "timestamp_future");
        // all or nothing across entries
        assertReason(submit(js("{'meterId':'" + m.id() + "','meterType':'two_tariff','htValue':150,'readingDate':'2024-06-03T00:00:00Z'}"),
                js("{'meterId':'" + m.id() + "','meterType':'two_tariff','htValue':140,'readingDate':'2024-06-04T00:00:00Z'}")),
                400, "less_than_previous");
        assertThat(readings(m, ht)).containsExactly("100/journey-submission/feed-out");
    }

    @Test
    void refusesWhatItCannotMap() {
        Meter m = meter(Map.of());
        counter(m, "1-0:1.8.0", null, null);

        Reply unknown = submit(js("{'meterId':'" + UUID.randomUUID() + "','readingValue':1}"));
        assertReason(unknown, 404, "not_found");
        assertThat(unknown.json().get("message").asText()).startsWith("meterReadings[0]");
        assertReason(submit(js("{'meterId':'meter-42','readingValue':1}")), 404, "not_found");
        Reply asString = submit(js("{'meterId':'" + m.id() + "','meterType':'two_tariff','htValue':'12'}"));
        assertReason(asString, 400, "invalid_value");
        assertThat(asString.json().get("message").asText()).isEqualTo("meterReadings[0]: htValue must be a JSON number, not a string");
        assertReason(submit(js("{'meterId':'" + m.id() + "','meterType':'three_tariff','readingValue':1}")), 400, "invalid_parameter");
        assertReason(submit(js("{'meterId':'" + m.id() + "','readingValue':1,'readingDate':'soon'}")), 400, "invalid_timestamp");
        assertReason(submit(js("{'readingValue':1}")), 400, "missing_params");
        assertReason(submit(js("{'meterId':'" + m.id() + "','readings':[null]}")), 400, "invalid_body");
        assertReason(t.post(SUBMISSION, t.adminToken(), js("{'entity':{'meterReadings':{}}}")), 400, "invalid_body");
    }

    @Test
    void onlyTheCallersOrganizationAndOnlyAdmins() {
        Meter m = meter(Map.of());
        counter(m, "1-0:1.8.0", null, null);
        String entry = js("{'meterId':'" + m.id() + "','readingValue':1,'readingDate':'2024-06-01T00:00:00Z'}");

        assertReason(t.post(SUBMISSION, t.adminToken(), "{\"org_id\":\"" + TestApp.OTHER_ORG + "\",\"entity\":{\"meterReadings\":[" + entry + "]}}"),
                403, "forbidden_option");
        assertReason(t.post(SUBMISSION, t.adminToken(), "{\"entity\":{\"_org\":\"" + TestApp.OTHER_ORG + "\",\"meterReadings\":[" + entry + "]}}"),
                403, "forbidden_option");
        assertReason(t.post(SUBMISSION, t.portalToken("contact-1"), "{\"entity\":{\"meterReadings\":[" + entry + "]}}"), 403,
                "forbidden_option");
    }

    // ------------------------------------------------------------------ createReadingWithMeter

    @Test
    void writesToTheCounterWithThatObisNumberOfTheMeterFoundByMaLoId() {
        Meter m = meter(Map.of("ma_lo_id", "51238696781"));
        Counter c = counter(m, "1-0:1.8.0", null, null);

        Reply r = t.post(WITH_METER, t.adminToken(), js("{'ma_lo_id':'51238696781','obis_number':'1-0:1.8.0','value':1250.5,"
                + "'source':'ERP','timestamp':'2024-06-01T08:00:00Z','read_by':'ERP import','reason':'regular','unit':'kWh'}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode data = r.json().get("data");
        assertThat(data.get("meter_id").asText()).isEqualTo(m.id().toString());
        assertThat(data.get("counter_id").asText()).isEqualTo(c.id().toString());
        assertThat(data.get("value").decimalValue()).isEqualByComparingTo("1250.5");
        assertThat(t.get("/v1/metering/counter?meter_id=" + m.id(), t.adminToken()).json().get("data")).hasSize(1);
    }

    @Test
    void createsTheMissingCounterByObisNumber() {
        Meter m = meter(Map.of());
        counter(m, "1-0:1.8.0", null, null);

        Reply r = t.post(WITH_METER, t.adminToken(), js("{'meter_id':'" + m.id() + "','obis_number':'1-0:2.8.0','value':42,"
                + "'source':'ERP','timestamp':'2024-06-01T08:00:00Z','unit':'kWh'}"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode counters = t.get("/v1/metering/counter?meter_id=" + m.id(), t.adminToken()).json().get("data");
        assertThat(counters).hasSize(2);
        JsonNode created = t.get("/v1/metering/counter/" + r.json().get("data").get("counter_id").asText(), t.adminToken()).json().get("data");
        assertThat(created.get("obis_number").asText()).isEqualTo("1-0:2.8.0");
        assertThat(r.json().get("data").get("direction").asText()).as("from the OBIS code").isEqualTo("feed-in");
    }

    @Test
    void aRejectedReadingLeavesNoCreatedCounterBehind() {
        Meter m = meter(Map.of());

        assertReason(t.post(WITH_METER, t.adminToken(), js("{'meter_id':'" + m.id() + "','obis_number':'1-0:1.8.0','value':1,"
                + "'source':'ERP','timestamp':'2024-06-20T00:00:00Z'}")), 400, "timestamp_future");

        assertThat(t.get("/v1/metering/counter?meter_id=" + m.id(), t.adminToken()).json().get("data")).isEmpty();
    }

    @Test
    void anObisCodeWithoutDirectionIsRefusedNamingTheMeterAndCodeNotAnUnsavedCounter() {
        Meter m = meter(Map.of());

        Reply r = t.post(WITH_METER, t.adminToken(), js("{'meter_id':'" + m.id() + "','obis_number':'1-0:99.8.0','value':1,"
                + "'source':'ERP','timestamp':'2024-06-01T00:00:00Z'}"));

        assertReason(r, 400, "no_direction");
        String message = r.json().get("message").asText();
        assertThat(message).contains(m.id().toString()).contains("1-0:99.8.0");
        assertThat(message.replace(m.id().toString(), "")).as("no other id: the candidate counter was never saved")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        assertThat(t.get("/v1/metering/counter?meter_id=" + m.id(), t.adminToken()).json().get("data")).isEmpty();
        // with a direction the same code creates the counter
        assertThat(t.post(WITH_METER, t.adminToken(), js("{'meter_id':'" + m.id() + "','obis_number':'1-0:99.8.0','value':1,"
                + "'direction':'feed-out','source':'ERP','timestamp':'2024-06-01T00:00:00Z'}")).status()).isEqualTo(200);
    }

    @Test
    void withMeterErrorReasons() {
        Meter m = meter(Map.of("ma_lo_id", "10000000004", "contract_periods", List.of(Map.of("start_date", "2024-01-01"))));
        counter(m, "1-0:1.8.0", null, null);
        String base = "'ma_lo_id':'10000000004','obis_number':'1-0:1.8.0','source':'ERP'";
        assertThat(t.post(WITH_METER, t.adminToken(), js("{" + base + ",'value':100,'timestamp':'2024-06-01T00:00:00Z'}")).status())
                .isEqualTo(200);

        assertReason(t.post(WITH_METER, t.adminToken(), js("{" + base + ",'value':99,'timestamp':'2024-06-02T00:00:00Z'}")), 400,
                "less_than_previous");
        assertReason(t.post(WITH_METER, t.adminToken(), js("{" + base + ",'value':101,'timestamp':'2024-05-02T00:00:00Z'}")), 400,
                "greater_than_subsequent");
        assertReason(t.post(WITH_METER, t.adminToken(), js("{" + base + ",'value':101,'timestamp':'2024-06-20T00:00:00Z'}")), 400,
                "timestamp_future");
        assertReason(t.post(WITH_METER, t.adminToken(), js("{" + base + ",'value':50,'timestamp':'2023-06-01T00:00:00Z'}")), 400,
                "contract_period");
        assertReason(t.post(WITH_METER, t.adminToken(), js("{'ma_lo_id':'10000000004','source':'ERP','value':1}")), 400, "missing_params");
        assertReason(t.post(WITH_METER, t.adminToken(), js("{'obis_number':'1-0:1.8.0','source':'ERP','value':1}")), 400, "missing_params");
        assertReason(t.post(WITH_METER, t.adminToken(), js("{" + base.replace(",'source':'ERP'", "") + ",'value':1}")), 400, "missing_params");
        assertReason(t.post(WITH_METER, t.adminToken(), js("{" + base + ",'value':101,'tariff_type':'peak'}")), 400, "invalid_parameter");
        assertReason(t.post(WITH_METER, t.adminToken(), js("{'ma_lo_id':'99999999999','obis_number':'1-0:1.8.0','source':'ERP','value':1}")),
                404, "not_found");
        assertReason(t.post(WITH_METER, t.adminToken(), js("{'meter_id':'M-1','obis_number':'1-0:1.8.0','source':'ERP','value':1}")), 404,
                "not_found");
        assertReason(t.post(WITH_METER, t.portalToken("contact-1"), js("{" + base + ",'value':101}")), 403, "forbidden_option");
    }

    @Test
    void onAGovernedMeterAWithMeterWriteFromTheAppBecomesAChangeset() {
        Meter m = meter(Map.of());
        Counter c = counter(m, "1-0:1.8.0", null, null);
        t.govern(m, Map.of("edit_mode", "external"));

        Reply r = t.post(WITH_METER, t.adminToken(), js("{'meter_id':'" + m.id() + "','obis_number':'1-0:1.8.0','value':5,"
                + "'source':'360','timestamp':'2024-06-01T00:00:00Z'}"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("pending_changesets")).hasSize(1);
        assertThat(readings(m, c)).isEmpty();
    }
}
