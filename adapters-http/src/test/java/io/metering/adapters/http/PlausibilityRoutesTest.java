package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
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

/**
 * The plausibility rule over HTTP (docs/domain.md#reading-the-series): getAllowedReadingForMeter's
 * {@code max_value} without a later reading, and an admin marking an implausible reading valid with
 * updateMeterReading and {@code status: valid}.
 */
class PlausibilityRoutesTest {
    @RegisterExtension
    static final TestApp t = TestApp.withAnalytics();
    private String contact;
    private Meter meter;
    private Counter kwh;

    /** 1000, 1010, 1020 kWh at midnight UTC of June 1st to 3rd 2024: ten per day. */
    @BeforeEach
    void tenPerDay() {
        contact = "contact-" + UUID.randomUUID();
        meter = t.meter(Map.of("sector", "power", "customer", TestApp.relation(contact, "contact")));
        kwh = t.counter(meter, TestApp.FEED_OUT_KWH);
        write("1000", "2024-06-01T00:00:00Z");
        write("1010", "2024-06-02T00:00:00Z");
        write("1020", "2024-06-03T00:00:00Z");
    }

    private JsonNode write(String value, String timestamp) {
        Reply r = t.post("/v1/metering/reading", t.portalToken(contact), TestApp.js("{'meter_id':'" + meter.id() + "','value':" + value
                + ",'source':'ECP','timestamp':'" + timestamp + "'}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("data");
    }

    private Reply markValid(String timestamp, String value) {
        return t.put("/v1/metering/reading/" + meter.id() + "/" + kwh.id() + "?timestamp=" + timestamp, t.adminToken(),
                TestApp.js("{'value':" + value + ",'source':'ERP','status':'valid'}"));
    }

    @Test
    void theAllowedMaximumAfterTheLatestReadingIsThePlausibilityBound() {
        Reply r = t.get("/v1/metering/allowed/reading/" + meter.id() + "?timestamp=2024-06-04T00:00:00Z", t.portalToken(contact));

        JsonNode range = r.json().get("data").get(0);
        // 1020 + max(10 x 10 kWh/day x 3 days, 1020)
        assertThat(range.get("min_value").decimalValue()).isEqualByComparingTo("1020");
        assertThat(range.get("max_value").decimalValue()).isEqualByComparingTo("2040");
    }

    @Test
    void anAdminMarksAnImplausibleReadingValidAndItCountsAgain() {
        assertThat(write("5000", "2024-06-04T00:00:00Z").get("status").asText()).isEqualTo("implausible");
        String consumption = "/v1/metering/consumption/" + meter.id() + "/" + kwh.id()
                + "?start_date=2024-06-01T00:00:00Z&end_date=2024-06-04T00:00:00Z";
        assertThat(t.get(consumption, t.adminToken()).json().get("data").get("total").get("consumption").isNull()).isTrue();

        Reply marked = markValid("2024-06-04T00:00:00Z", "5000");

        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.json().get("data").get("status").asText()).isEqualTo("valid");
        assertThat(t.get(consumption, t.adminToken()).json().get("data").get("total").get("consumption").decimalValue())
                .isEqualByComparingTo("4000");
    }

    @Test
    void markingASlipValidBelowWhichGenuineReadingsFollowIsRefused() {
        write("1030000", "2024-06-04T00:00:00Z");
        write("1040", "2024-06-05T00:00:00Z");

        assertReason(markValid("2024-06-04T00:00:00Z", "1030000"), 400, "greater_than_subsequent");
        assertReason(t.put("/v1/metering/reading/" + meter.id() + "/" + kwh.id() + "?timestamp=2024-06-04T00:00:00Z",
                t.portalToken(contact), TestApp.js("{'value':1030000,'source':'ECP','status':'valid'}")), 403, "forbidden_option");
    }
}
