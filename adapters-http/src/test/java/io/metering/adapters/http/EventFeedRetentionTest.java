package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.service.events.ChangeEventRetention;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A cursor older than the retention period answers 410 cursor_expired, judged by the injected clock. */
class EventFeedRetentionTest {
    private static final String FEED = "/v1/metering/events";
    @RegisterExtension
    static final TestApp t = new TestApp();

    @Test
    void aCursorBeforePurgedEventsIs410AndStartingOverWorks() {
        Meter meter = t.meter(Map.of("sector", "power"));
        Counter counter = t.counter(meter, TestApp.FEED_OUT);
        String start = t.get(FEED, t.adminToken()).json().get("next").asText();
        t.post("/v1/metering/reading", t.adminToken(), TestApp.reading(meter, counter, "100", "360", "2024-06-01T00:00:00Z"));
        ChangeEventRetention retention = new ChangeEventRetention(t.store, t.clock, Duration.ofDays(30));

        assertThat(retention.purge()).as("nothing is 30 days old yet").isZero();
        assertThat(t.get(FEED + "?after=" + start, t.adminToken()).status()).isEqualTo(200);

        t.clock.advance(Duration.ofDays(31));
        t.post("/v1/metering/reading", t.adminToken(), TestApp.reading(meter, counter, "200", "360", "2024-06-02T00:00:00Z"));
        assertThat(retention.purge()).isPositive();

        Reply expired = t.get(FEED + "?after=" + start, t.adminToken());
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().get("reason").asText()).isEqualTo("cursor_expired");
        assertThat(expired.json().get("message").asText()).contains("retention");
        Reply over = t.get(FEED, t.adminToken());
        assertThat(over.status()).isEqualTo(200);
        assertThat(over.json().get("events")).as("the event younger than the retention period").hasSize(1);
        assertThat(over.json().at("/events/0/data/value").decimalValue()).isEqualByComparingTo("200");
        assertThat(t.get(FEED + "?after=" + over.json().get("next").asText(), t.adminToken()).status()).isEqualTo(200);
    }
}
