package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which {@code reason} texts the writes take (docs/domain.md#reading): the two corrections,
 * updateMeterReading (contract {@code ReasonString}) and a v2 {@code update} item, take any text
 * alike; every create, v1 or v2, takes only the contract's {@code Reason} codes and refuses other
 * text with the same reason and message. The segment codes keep their meaning on every path.
 */
class ReasonTextRoutesTest {
    private static final String FREE_TEXT = "Zählerwechsel laut Kunde";
    @RegisterExtension
    static final TestApp t = new TestApp();
    private Meter meter;
    private Counter counter;

    /** 100 on June 1st, 150 on June 5th, 200 on June 9th. */
    @BeforeEach
    void series() {
        meter = t.powerMeterOf("contact-reasons");
        counter = t.counter(meter, TestApp.FEED_OUT);
        assertThat(t.post("/v1/metering/readings", t.adminToken(), "{\"readings\":[" + reading("100", "2024-06-01T00:00:00Z") + ","
                + reading("150", "2024-06-05T00:00:00Z") + "," + reading("200", "2024-06-09T00:00:00Z") + "]}").status()).isEqualTo(200);
    }

    private String reading(String value, String timestamp) {
        return TestApp.reading(meter, counter, value, "ERP", timestamp);
    }

    private String seriesPath() {
        return "/v1/metering/reading/" + meter.id() + "/" + counter.id();
    }

    private Reply putReason(String timestamp, String value, String reason) {
        return t.put(seriesPath() + "?timestamp=" + timestamp, t.adminToken(),
                js("{'meter_id':'" + meter.id() + "','value':" + value + ",'source':'ERP','reason':'" + reason + "'}"));
    }

    private Reply batch(String operation, String timestamp, String value, String reason) {
        return t.post("/v2/metering/readings", t.adminToken(), js("{'readings':[{'operation':'" + operation + "','meter_id':'" + meter.id()
                + "','counter_id':'" + counter.id() + "','value':" + value + ",'source':'ERP','timestamp':'" + timestamp
                + "','reason':'" + reason + "'}]}"));
    }

    private List<String> reasons() {
        JsonNode results = t.get(seriesPath() + "?size=-1", t.adminToken()).json().get("results");
        return results.findValuesAsText("reason");
    }

    @Test
    void bothCorrectionsTakeFreeTextAndStoreItAsSent() {
        Reply v1 = putReason("2024-06-01T00:00:00Z", "100", FREE_TEXT);
        Reply v2 = batch("update", "2024-06-05T00:00:00Z", "150", FREE_TEXT + " (v2)");

        assertThat(v1.status()).as(v1.toString()).isEqualTo(200);
        assertThat(v2.status()).as(v2.toString()).isEqualTo(200);
        assertThat(reasons()).containsExactly(FREE_TEXT, FREE_TEXT + " (v2)");
    }

    @Test
    void everyCreateRefusesFreeTextWithTheSameReasonAndMessage() {
        Reply v1 = t.post("/v1/metering/reading", t.adminToken(), reading("210", "2024-06-10T00:00:00Z").replace("}", ",\"reason\":\"x\"}"));
        Reply v2 = batch("create", "2024-06-10T00:00:00Z", "210", "x");

        assertReason(v1, 400, "invalid_parameter");
        assertReason(v2, 400, "invalid_parameter");
        assertThat(v2.json().get("message").asText()).isEqualTo("readings[0]: " + v1.json().get("message").asText());
        assertThat(reasons()).isEmpty();
    }

    @Test
    void aSegmentCodeSentAsACorrectionStartsASegmentOnBothPaths() {
        // below the reading before it: only a segment start may lie there
        assertReason(batch("update", "2024-06-05T00:00:00Z", "60", "Meter Change"), 400, "less_than_previous");
        Reply v2 = batch("update", "2024-06-05T00:00:00Z", "60", "meter_change");
        Reply v1 = putReason("2024-06-09T00:00:00Z", "30", "meter_adjustment");

        assertThat(v2.status()).as(v2.toString()).isEqualTo(200);
        assertThat(v1.status()).as(v1.toString()).isEqualTo(200);
        assertThat(reasons()).containsExactly("meter_change", "meter_adjustment");
    }
}
