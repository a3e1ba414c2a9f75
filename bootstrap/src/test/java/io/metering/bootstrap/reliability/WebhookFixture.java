package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.Http;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What the webhook tests do through the API: subscribe, write readings (each one change event), and
 * read the event feed to know which events must arrive, in which order.
 */
final class WebhookFixture {
    private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(400, ChronoUnit.DAYS);

    private final Http http;
    private final String admin;
    private final String meter;
    private final String counter;
    private int written;

    /** A meter and a counter of the admin token's organization, to write readings to. */
    WebhookFixture(Http http, String admin) {
        this.http = http;
        this.admin = admin;
        Seeder seeder = new Seeder(http, admin);
        this.meter = seeder.meter("{\"sector\":\"power\"}");
        this.counter = seeder.counter(meter, "{\"obis_number\":\"1-0:1.8.0\",\"direction\":\"feed-out\"}");
    }

    /** Creates a subscription to the URL; returns its JSON (with the secret). */
    JsonNode subscribe(String url) {
        Http.Reply r = http.post("/v1/metering/webhooks", admin, "{\"url\":\"" + url + "\"}");
        assertThat(r.status()).as("create webhook: %s", r).isEqualTo(201);
        return r.json().get("data");
    }

    JsonNode subscription(String id) {
        return http.get("/v1/metering/webhooks/" + id, admin).json().get("data");
    }

    JsonNode attempts(String id) {
        return http.get("/v1/metering/webhooks/" + id + "/attempts?size=500", admin).json();
    }

    /** Writes {@code count} more quarter-hourly readings, a hundred a request: {@code count} reading.created events. */
    void readings(int count) {
        for (int done = 0; done < count; ) {
            int n = Math.min(100, count - done);
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < n; i++) {
                int k = written + i;
                items.append(i == 0 ? "" : ",").append("{\"meter_id\":\"").append(meter).append("\",\"counter_id\":\"").append(counter)
                        .append("\",\"value\":").append(100 + k).append(".5,\"source\":\"ERP\",\"timestamp\":\"")
                        .append(BASE.plus(15L * k, ChronoUnit.MINUTES)).append("\"}");
            }
            Http.Reply r = http.post("/v1/metering/readings", admin, "{\"readings\":[" + items + "]}");
            assertThat(r.status()).as("write readings: %s", r).isEqualTo(200);
            written += n;
            done += n;
        }
    }

    /** The ids of the organization's events after the cursor, in feed order. */
    List<String> feedIds(String after) {
        List<String> ids = new ArrayList<>();
        String cursor = after;
        while (true) {
            Http.Reply r = http.get("/v1/metering/events?limit=1000&after=" + cursor, admin);
            assertThat(r.status()).as("feed: %s", r).isEqualTo(200);
            JsonNode page = r.json();
            page.get("events").forEach(e -> ids.add(e.get("id").asText()));
            if (page.get("events").isEmpty()) {
                return ids;
            }
            cursor = page.get("next").asText();
        }
    }

    /** The feed's events after the cursor, as JSON. */
    List<JsonNode> feed(String after) {
        List<JsonNode> events = new ArrayList<>();
        http.get("/v1/metering/events?limit=1000&after=" + after, admin).json().get("events").forEach(events::add);
        return events;
    }
}
