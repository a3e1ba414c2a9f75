package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Forecast fields on getCounterDetails and getMeterCounters with the product's forecast rule, and
 * {@code forecast_date}; plausibility on the write path as seen over HTTP. The clock says
 * 2024-06-15T10:00Z; the business time zone is Europe/Berlin.
 */
class CounterForecastRoutesTest {
    @RegisterExtension
    static final TestApp t = TestApp.withAnalytics();
    private String contact;
    private Meter meter;
    private Counter kwh;

    @BeforeEach
    void seed() {
        contact = "contact-" + UUID.randomUUID();
        meter = t.meter(Map.of("sector", "power", "customer", TestApp.relation(contact, "contact")));
        kwh = t.counter(meter, TestApp.FEED_OUT_KWH);
    }

    /** 1000 kWh on June 1st 00:00Z, then 10 per day until 1130 on June 14th. */
    private void tenPerDay() {
        StringBuilder b = new StringBuilder("{'readings':[");
        for (int i = 0; i <= 13; i++) {
            b.append(i == 0 ? "" : ",").append("{'meter_id':'").append(meter.id()).append("','value':").append(1000 + 10 * i)
                    .append(",'source':'ERP','timestamp':'").append(Instant.parse("2024-06-01T00:00:00Z").plus(Duration.ofDays(i)))
                    .append("'}");
        }
        write(b.append("]}").toString());
    }

    private void write(String singleQuoted) {
        Reply r = t.post("/v1/metering/readings", t.adminToken(), TestApp.js(singleQuoted));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void counterDetailsForecastTodayByDefault() {
        tenPerDay();

        JsonNode c = t.get("/v1/metering/counter/" + kwh.id(), t.portalToken(contact)).json().get("data");

        // 46 h from June 14th 00:00Z to the end of June 15th in Berlin, at 10 per 24 h
        assertThat(c.get("forecast_reading_value").isTextual()).isTrue();
        assertThat(c.get("forecast_reading_value").asText()).isEqualTo("1149.166667");
        assertThat(c.get("forecast_as_of").asText()).isEqualTo("2024-06-15");
    }

    @Test
    void forecastDateAsksForAnotherDateOnBothCounterReads() {
        tenPerDay();

        JsonNode one = t.get("/v1/metering/counter/" + kwh.id() + "?forecast_date=2024-12-31", t.adminToken()).json().get("data");
        JsonNode list = t.get("/v1/metering/counter?meter_id=" + meter.id() + "&forecast_date=2024-06-05", t.adminToken()).json().get("data");

        assertThat(one.get("forecast_reading_value").asText()).isEqualTo("3139.583333");
        assertThat(one.get("forecast_as_of").asText()).isEqualTo("2024-12-31");
        // inside the recorded history: between 1040 and 1050, 22 h into June 5th (UTC)
        assertThat(list.get(0).get("forecast_reading_value").asText()).isEqualTo("1049.166667");
        assertThat(list.get(0).get("forecast_as_of").asText()).isEqualTo("2024-06-05");
    }

    @Test
    void aBadForecastDateIs400() {
        assertReason(t.get("/v1/metering/counter/" + kwh.id() + "?forecast_date=31.12.2024", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get("/v1/metering/counter?meter_id=" + meter.id() + "&forecast_date=2024-02-30", t.adminToken()), 400,
                "invalid_parameter");
        assertReason(t.get("/v1/metering/counter/" + kwh.id() + "?forecast_date=0999-01-01", t.adminToken()), 400, "invalid_parameter");
    }

    @Test
    void noForecastFieldsWhileHistoryIsTooShort() {
        write("{'readings':[{'meter_id':'" + meter.id() + "','value':10,'source':'ERP','timestamp':'2024-06-14T00:00:00Z'},"
                + "{'meter_id':'" + meter.id() + "','value':12,'source':'ERP','timestamp':'2024-06-14T12:00:00Z'}]}");

        JsonNode c = t.get("/v1/metering/counter/" + kwh.id(), t.adminToken()).json().get("data");

        assertThat(c.get("current_consumption").decimalValue()).isEqualByComparingTo("12");
        assertThat(c.has("forecast_reading_value")).isFalse();
        assertThat(c.has("forecast_as_of")).isFalse();
    }

    @Test
    void aWattHourSlipIsStoredImplausibleAndTheNextGenuineReadingAccepted() {
        tenPerDay();

        Reply slip = t.post("/v1/metering/reading", t.portalToken(contact),
                TestApp.js("{'meter_id':'" + meter.id() + "','value':1140000,'source':'ECP','timestamp':'2024-06-15T00:00:00Z'}"));
        Reply genuine = t.post("/v1/metering/reading", t.portalToken(contact),
                TestApp.js("{'meter_id':'" + meter.id() + "','value':1145,'source':'ECP','timestamp':'2024-06-15T06:00:00Z'}"));

        assertThat(slip.json().get("data").get("status").asText()).isEqualTo("implausible");
        assertThat(genuine.status()).as(genuine.toString()).isEqualTo(200);
        assertThat(genuine.json().get("data").has("status")).isFalse();
        JsonNode c = t.get("/v1/metering/counter/" + kwh.id(), t.adminToken()).json().get("data");
        assertThat(c.get("current_consumption").decimalValue()).as("the slip is not the latest plausible reading")
                .isEqualByComparingTo("1145");
    }
}
