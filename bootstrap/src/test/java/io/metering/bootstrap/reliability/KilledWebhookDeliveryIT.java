package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.FreePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the service while it delivers webhooks: after a restart on the same data directory,
 * every event reaches the receiver, in feed order by first arrival. What the killed instance sent
 * after its last saved progress is sent again (at least once); nothing is lost.
 */
class KilledWebhookDeliveryIT {
    private static final Map<String, String> WEBHOOKS = Map.of("METERING_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1",
            "METERING_WEBHOOK_TIMEOUT", "PT1S", "METERING_WEBHOOK_LEASE", "PT5S", "METERING_WEBHOOK_RETRY_SCHEDULE", "PT0.2S,PT0.5S,PT1S,PT2S");

    @TempDir
    Path dir;

    @Test
    void aKillDuringDeliveryLosesNothing() {
        Path dataDir = dir.resolve("data");
        int httpPort = FreePorts.free();
        int dbPort = FreePorts.free();
        String admin = Tokens.admin("hooks-killed");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.delay(Duration.ofMillis(10));
            ServiceProcess service = ServiceProcess.start(dataDir, httpPort, dbPort, "start", WEBHOOKS);
            try {
                WebhookFixture f = new WebhookFixture(service.http(), admin);
                JsonNode hook = f.subscribe(receiver.url("/killed"));
                f.readings(400);
                List<String> expected = f.feedIds(hook.at("/delivery/cursor").asText());
                assertThat(expected).hasSize(400);
                receiver.await(ms -> ms.size() >= 120, "120 deliveries before the kill", Duration.ofSeconds(60));

                service.sigkill();
                int before = receiver.messages().size();
                assertThat(before).as("killed during delivery").isLessThan(400);
                ServiceProcess restarted = ServiceProcess.start(dataDir, httpPort, dbPort, "restart", WEBHOOKS);
                service.close();
                service = restarted;

                receiver.awaitAll("/killed", expected, Duration.ofSeconds(90));
                List<String> got = receiver.ids("/killed");
                assertThat(new ArrayList<>(new LinkedHashSet<>(got))).as("every event, in feed order by first arrival")
                        .containsExactlyElementsOf(expected);
                System.out.printf("killed after %d deliveries; %d sent again after the restart%n", before, got.size() - expected.size());
                assertThat(got.size() - expected.size()).as("only unsaved progress is repeated").isLessThanOrEqualTo(200);
            } finally {
                service.close();
            }
        }
    }
}
