package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code null} entry in a list of readings is refused like an empty one: 400 {@code invalid_body}
 * naming the entry, and nothing of the request written (createMeterReadings,
 * createPortalMeterReadings, batchWriteMeterReadings). A journey submission's entries are nullable in
 * the contract: a {@code null} one is skipped and the others are written (docs/domain.md).
 */
class NullEntryTest {
    @RegisterExtension
    static final TestApp t = new TestApp();

    private Meter meter;
    private Counter counter;

    @BeforeEach
    void freshMeter() {
        meter = t.powerMeterOf("contact-null");
        counter = t.counter(meter, TestApp.FEED_OUT);
    }

    private String valid() {
        return TestApp.reading(meter, counter, "10", "ERP", "2024-03-01T00:00:00Z");
    }

    private void assertRefusedNaming(Reply r, String entry) {
        assertReason(r, 400, "invalid_body");
        assertThat(r.json().get("message").asText()).isEqualTo(entry + " must be an object");
        Reply stored = t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?size=-1", t.adminToken());
        assertThat(stored.json().get("results")).as("nothing written").isEmpty();
    }

    @Test
    void createMeterReadingsRefusesANullEntry() {
        assertRefusedNaming(t.post("/v1/metering/readings", t.adminToken(), "{\"readings\":[" + valid() + ",null]}"), "readings[1]");
    }

    @Test
    void createPortalMeterReadingsRefusesANullEntry() {
        assertRefusedNaming(t.post("/v1/metering/readings/" + meter.id(), t.portalToken("contact-null"),
                "{\"readings\":[" + TestApp.reading(meter, counter, "10", "ECP", "2024-03-01T00:00:00Z") + ",null]}"), "readings[1]");
    }

    @Test
    void batchWriteMeterReadingsRefusesANullItem() {
        String item = js("{'operation':'create','meter_id':'" + meter.id() + "','counter_id':'" + counter.id()
                + "','value':10,'source':'ERP','timestamp':'2024-03-01T00:00:00Z'}");
        assertRefusedNaming(t.post("/v2/metering/readings", t.adminToken(), "{\"readings\":[" + item + ",null]}"), "readings[1]");
    }

    @Test
    void aSubmissionSkipsANullEntryAndWritesTheOthers() {
        String entry = js("{'meterId':'" + meter.id() + "','meterType':'one_tariff','readingValue':10,"
                + "'readingDate':'2024-03-01T00:00:00Z'}");
        Reply r = t.post("/v1/metering/reading/submission", t.adminToken(), "{\"entity\":{\"meterReadings\":[" + entry + ",null]}}");
        assertThat(r.status()).isEqualTo(200);
        Reply stored = t.get("/v1/metering/reading/" + meter.id() + "/" + counter.id() + "?size=-1", t.adminToken());
        assertThat(stored.json().get("results")).hasSize(1);
        assertThat(stored.json().get("results").get(0).get("value").asText()).isEqualTo("10");
    }
}
