package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** getAllowedReadingForMeter over the real app (docs/domain.md#reading-the-series, allowed range). */
class AllowedRangeRoutesTest {
    private static final String CONTACT = "contact-allowed";
    @RegisterExtension
    static final TestApp t = new TestApp();
    private Meter meter;
    private Counter counter;

    /** 100.5 on June 1st and 120 on June 5th. */
    @BeforeEach
    void meterWithTwoReadings() {
        meter = t.powerMeterOf(CONTACT);
        counter = t.counter(meter, TestApp.FEED_OUT);
        write("100.5", "2024-06-01T00:00:00Z");
        write("120", "2024-06-05T00:00:00Z");
    }

    private void write(String value, String timestamp) {
        assertThat(t.post("/v1/metering/reading", t.adminToken(), TestApp.reading(meter, counter, value, "360", timestamp)).status())
                .isEqualTo(200);
    }

    private JsonNode range(String query) {
        Reply r = t.get("/v1/metering/allowed/reading/" + meter.id() + query, t.adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("data")).hasSize(1);
        return r.json().get("data").get(0);
    }

    @Test
    void betweenTwoReadingsTheNeighboursBoundTheValue() {
        JsonNode r = range("?timestamp=2024-06-03T12:00:00.000Z");

        assertThat(r.get("counter_id").asText()).isEqualTo(counter.id().toString());
        assertThat(r.get("direction").asText()).isEqualTo("feed-out");
        assertThat(r.get("min_value").decimalValue()).isEqualByComparingTo("100.5");
        assertThat(r.get("max_value").decimalValue()).isEqualByComparingTo("120");
    }

    @Test
    void beforeTheFirstReadingTheMinimumIsZero() {
        JsonNode r = range("?timestamp=2024-05-01");

        assertThat(r.get("min_value").decimalValue()).isEqualByComparingTo("0");
        assertThat(r.get("max_value").decimalValue()).isEqualByComparingTo("100.5");
    }

    @Test
    void withoutALaterReadingOrEnoughHistoryTheMaximumIsLeftOut() {
        JsonNode atNow = range("");
        JsonNode later = range("?timestamp=2024-06-10T00:00:00Z");

        assertThat(atNow.get("min_value").decimalValue()).isEqualByComparingTo("120");
        assertThat(atNow.has("max_value")).isFalse();
        assertThat(later.has("max_value")).isFalse();
    }

    @Test
    void oneRangePerCounter() {
        t.counter(meter, Map.of("obis_number", "1-0:2.8.0", "direction", "feed-in"));

        Reply r = t.get("/v1/metering/allowed/reading/" + meter.id(), t.adminToken());

        assertThat(r.json().get("data")).hasSize(2);
        assertThat(r.json().get("data").findValuesAsText("direction")).containsExactlyInAnyOrder("feed-out", "feed-in");
    }

    @Test
    void portalUsersSeeTheirOwnMetersOnly() {
        assertThat(t.get("/v1/metering/allowed/reading/" + meter.id(), t.portalToken(CONTACT)).status()).isEqualTo(200);
        assertReason(t.get("/v1/metering/allowed/reading/" + meter.id(), t.portalToken("someone-else")), 404, "not_found");
        assertReason(t.get("/v1/metering/allowed/reading/" + UUID.randomUUID(), t.adminToken()), 404, "not_found");
        assertReason(t.get("/v1/metering/allowed/reading/not-a-meter", t.adminToken()), 404, "not_found");
        assertReason(t.get("/v1/metering/allowed/reading/" + meter.id() + "?timestamp=tomorrow", t.adminToken()), 400, "invalid_timestamp");
    }
}
