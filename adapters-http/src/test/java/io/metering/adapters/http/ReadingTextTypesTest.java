package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A reading's free-text fields take JSON strings only: a number or boolean used to be stored as its
 * text ({@code "reason":42} became {@code "42"}). They answer 400 {@code invalid_parameter} naming
 * the field on every reading body; {@code null} still means what it meant.
 */
class ReadingTextTypesTest {
    private static final String AT = "2024-06-01T00:00:00Z";
    @RegisterExtension
    static final TestApp t = new TestApp();
    private Meter meter;
    private Counter counter;

    @BeforeEach
    void meterWithAReading() {
        meter = t.meter(Map.of("sector", "power"));
        counter = t.counter(meter, TestApp.FEED_OUT);
        assertThat(t.post("/v1/metering/readings", t.adminToken(), "{\"readings\":[" + reading("") + "]}").status()).isEqualTo(200);
    }

    /** The reading at {@link #AT} with extra members, e.g. {@code ,"remark":true}. */
    private String reading(String extra) {
        String r = TestApp.reading(meter, counter, "100", "ERP", AT);
        return r.substring(0, r.length() - 1) + extra + "}";
    }

    private String series() {
        return "/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?timestamp=" + AT;
    }

    private static void refused(Reply r, String field) {
        assertReason(r, 400, "invalid_parameter");
        assertThat(r.json().get("message").asText()).contains(field + " must be a string");
    }

    @Test
    void updateRefusesANumberOrBooleanForText() {
        refused(t.put(series(), t.adminToken(), "{\"value\":100,\"source\":\"ERP\",\"reason\":42}"), "reason");
        refused(t.put(series(), t.adminToken(), "{\"value\":100,\"source\":\"ERP\",\"remark\":true}"), "remark");
        refused(t.put(series(), t.adminToken(), "{\"value\":100,\"source\":\"ERP\",\"read_by\":1.5}"), "read_by");
        refused(t.put(series(), t.adminToken(), "{\"value\":100,\"source\":\"ERP\",\"external_id\":7}"), "external_id");
        Reply cleared = t.put(series(), t.adminToken(), "{\"value\":100,\"source\":\"ERP\",\"remark\":null,\"reason\":\"checked\"}");
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().toString()).contains("\"reason\":\"checked\"");
    }

    @Test
    void createAndV2ItemsRefuseANumberForText() {
        String later = reading(",\"note\":5").replace(AT, "2024-06-02T00:00:00Z");
        refused(t.post("/v1/metering/readings", t.adminToken(), "{\"readings\":[" + later + "]}"), "readings[0].note");
        refused(t.post("/v1/metering/reading", t.adminToken(), reading(",\"remark\":false").replace(AT, "2024-06-02T00:00:00Z")),
                "remark");
        String update = js("{'operation':'update','meter_id':'" + meter.id() + "','counter_id':'" + counter.id()
                + "','timestamp':'" + AT + "','value':100,'reason':42}");
        refused(t.post("/v2/metering/readings", t.adminToken(), "{\"readings\":[" + update + "]}"), "readings[0].reason");
    }

    /** Reading metadata is an object of strings in the contract: a number value is refused, not stored as its text. */
    @Test
    void metadataValuesMustBeStrings() {
        String later = reading(",\"metadata\":{\"registration_id\":42}").replace(AT, "2024-06-02T00:00:00Z");
        refused(t.post("/v1/metering/readings", t.adminToken(), "{\"readings\":[" + later + "]}"), "readings[0].metadata.registration_id");
        refused(t.put(series(), t.adminToken(), "{\"value\":100,\"source\":\"ERP\",\"metadata\":{\"unit_no\":true}}"),
                "metadata.unit_no");
        String create = js("{'operation':'create','meter_id':'" + meter.id() + "','counter_id':'" + counter.id()
                + "','timestamp':'2024-06-03T00:00:00Z','value':101,'source':'ERP','metadata':{'registration_id':1234567890}}");
        refused(t.post("/v2/metering/readings", t.adminToken(), "{\"readings\":[" + create + "]}"), "readings[0].metadata.registration_id");
        assertThat(t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?size=-1", t.adminToken()).json().get("results"))
                .as("only the reading stored before").hasSize(1);

        String text = js("{'operation':'create','meter_id':'" + meter.id() + "','counter_id':'" + counter.id()
                + "','timestamp':'2024-06-03T00:00:00Z','value':101,'source':'ERP','metadata':{'registration_id':'1234567890'}}");
        Reply stored = t.post("/v2/metering/readings", t.adminToken(), "{\"readings\":[" + text + "]}");
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.json().at("/data/0/metadata/registration_id").asText()).isEqualTo("1234567890");
    }

    /** createReadingWithMeter: every field but value is a string in the contract (schema ReadingWithMeter). */
    @Test
    void withMeterRefusesANumberWhereTheContractHasAString() {
        Meter byMaLo = t.meter(Map.of("sector", "power", "ma_lo_id", "malo-text-1"));
        t.counter(byMaLo, TestApp.FEED_OUT);
        String path = "/v1/metering/reading/with-meter";
        String base = "'ma_lo_id':'malo-text-1','obis_number':'1-0:1.8.0','value':10,'source':'ERP','timestamp':'" + AT + "'";

        refused(t.post(path, t.adminToken(), js("{" + base + ",'read_by':42}")), "read_by");
        refused(t.post(path, t.adminToken(), js("{" + base + ",'reason':1}")), "reason");
        refused(t.post(path, t.adminToken(), js("{'ma_lo_id':12345,'obis_number':'1-0:1.8.0','value':10,'source':'ERP'}")), "ma_lo_id");
        refused(t.post(path, t.adminToken(), js("{'ma_lo_id':'malo-text-1','obis_number':1.8,'value':10,'source':'ERP'}")),
                "obis_number");
        Reply ok = t.post(path, t.adminToken(), js("{" + base + ",'read_by':'42'}"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().at("/data/read_by").asText()).isEqualTo("42");
    }

    /** Journey submissions: the fields of SubmissionMeterReading and CounterReadingOnSubmission typed string in the contract. */
    @Test
    void aSubmissionRefusesANumberWhereTheContractHasAString() {
        String path = "/v1/metering/reading/submission";
        String entry = "'meterId':'" + meter.id() + "','meterType':'one_tariff','readingValue':120,'readingDate':'2024-06-05T00:00:00Z'";

        refused(t.post(path, t.adminToken(), js("{'entity':{'meterReadings':[{" + entry + ",'readBy':42}]}}")),
                "entity.meterReadings[0].readBy");
        refused(t.post(path, t.adminToken(), js("{'entity':{'meterReadings':[{" + entry + ",'reason':7}]}}")),
                "entity.meterReadings[0].reason");
        refused(t.post(path, t.adminToken(), js("{'entity':{'meterReadings':[{'meterId':'" + meter.id() + "','readings':[{'counterId':'"
                + counter.id() + "','direction':1,'value':120}]}]}}")), "entity.meterReadings[0].readings[0].direction");
        refused(t.post(path, t.adminToken(), js("{'org_id':123,'entity':{'meterReadings':[{" + entry + "}]}}")), "org_id");
        assertThat(t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?size=-1", t.adminToken()).json().get("results"))
                .as("nothing written").hasSize(1);
    }
}
