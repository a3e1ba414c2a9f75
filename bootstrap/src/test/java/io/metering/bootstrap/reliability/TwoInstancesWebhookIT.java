package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service instances on one external PostgreSQL deliver 10,000 events to one receiver through
 * two subscriptions, each instance claiming subscriptions under leases; one instance is killed
 * halfway and the other takes its work over. Every event arrives at both paths, in feed order by
 * first arrival (per-subscription order kept).
 */
class TwoInstancesWebhookIT {
    private static final int EVENTS = 10_000;

    @TempDir
    Path dir;

    @Test
    void twoInstancesDeliverEveryEventInOrderAndOneTakesOverTheOthersWork() {
        String admin = Tokens.admin("hooks-two");
        try (ExternalPostgres pg = ExternalPostgres.start(dir.resolve("pg")); WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, String> env = new HashMap<>(Map.of("METERING_JDBC_URL", pg.jdbcUrl(), "METERING_DB_USER", "postgres",
                    "METERING_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1", "METERING_WEBHOOK_TIMEOUT", "PT1S", "METERING_WEBHOOK_LEASE", "PT5S"));
            ServiceProcess one = ServiceProcess.start(dir.resolve("one"), FreePorts.free(), FreePorts.free(), "one", env);
            ServiceProcess two = ServiceProcess.start(dir.resolve("two"), FreePorts.free(), FreePorts.free(), "two", env);
            try {
                WebhookFixture f = new WebhookFixture(one.http(), admin);
                JsonNode a = f.subscribe(receiver.url("/a"));
                f.subscribe(receiver.url("/b"));
                f.readings(EVENTS);
                List<String> expected = f.feedIds(a.at("/delivery/cursor").asText());
                assertThat(expected).hasSize(EVENTS);

                receiver.await(ms -> ms.size() >= EVENTS / 2, "half the deliveries", Duration.ofSeconds(120));
                one.sigkill();
                receiver.awaitAll("/a", expected, Duration.ofSeconds(120));
                receiver.awaitAll("/b", expected, Duration.ofSeconds(120));

                for (String path : List.of("/a", "/b")) {
                    List<String> got = receiver.ids(path);
                    assertThat(new ArrayList<>(new LinkedHashSet<>(got))).as(path + ": every event, in order by first arrival")
                            .containsExactlyElementsOf(expected);
                    System.out.printf("%s: %d events, %d sent again after the kill%n", path, expected.size(), got.size() - expected.size());
                }
                assertThat(two.log()).contains("Webhook delivery started");
            } finally {
                one.close();
                two.close();
            }
        }
    }
}
