package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.adapters.http.TestApp.Response;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rules decided after the first outside trials (docs/domain.md#decisions-after-the-first-outside-trials) over the real app. */
class FieldTrialRoutesTest {
    @RegisterExtension
    static final TestApp t = new TestApp();
    private Meter meter;
    private Counter counter;

    @BeforeEach
    void freshMeter() {
        t.clock.set(TestApp.START);
        meter = t.meter(Map.of("sector", "power", "customer", TestApp.relation("contact-1")));
        counter = t.counter(meter, Map.of("obis_number", "1-0:1.8.0", "direction", "feed-out", "unit", "kWh"));
    }

    private Response write(String value, String timestamp) {
        return t.post("/v1/metering/reading", t.adminToken(), TestApp.reading(meter, counter, value, "360", timestamp));
    }

    @Test
    void a_date_only_reading_of_todays_business_date_is_not_the_future_just_after_midnight() {
        // 00:30 in Berlin (the app's business zone) on June 16th; the UTC date is still June 15th
        t.clock.set(Instant.parse("2024-06-15T22:30:00Z"));
        Response r = write("10", "2024-06-16");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertReason(write("11", "2024-06-17"), 400, "timestamp_future");
    }

    @Test
    void an_epoch_timestamp_is_timestamp_too_early() {
        assertReason(write("0", "1970-01-01T00:00:00Z"), 400, "timestamp_too_early");
    }

    @Test
    void the_allowed_range_of_a_decommissioned_meter_says_it_is_closed() {
        assertThat(write("100", "2024-05-01T00:00:00Z").status()).isEqualTo(200);
        JsonNode open = t.get("/v1/metering/allowed/reading/" + meter.id(), t.adminToken()).json().get("data").get(0);
        assertThat(open.has("closed")).isFalse();

        Response patch = t.patch("/v1/metering/meter/" + meter.id(), t.adminToken(), "{\"status\":\"decommissioned\"}");
        assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
        JsonNode closed = t.get("/v1/metering/allowed/reading/" + meter.id(), t.adminToken()).json().get("data").get(0);
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("decommissioned_at").asText()).isEqualTo("2024-06-15T10:00:00.000Z");
        assertThat(closed.get("min_value").decimalValue()).isEqualByComparingTo("100");

        t.clock.set(Instant.parse("2024-06-15T11:00:00Z"));
        JsonNode later = t.get("/v1/metering/allowed/reading/" + meter.id(), t.adminToken()).json().get("data").get(0);
        assertThat(later.has("max_value")).isFalse();
        assertReason(write("101", "2024-06-15T10:30:00Z"), 400, "meter_decommissioned");
        assertThat(write("100", "2024-06-01T00:00:00Z").status()).as("an admin corrects before the closing").isEqualTo(200);
    }
}
