package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.Http;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook delivery by the real service (embedded PostgreSQL, the delivery worker, HttpClient) to a
 * receiver on 127.0.0.1, allowed by {@code METERING_WEBHOOK_ALLOWED_HOSTS}, with a retry schedule
 * of fractions of a second so that retries show within the test: a receiver down for a while gets
 * every event in order and none twice; a receiver answering 500 sees the retries until the
 * subscription is disabled, and a replay delivers again; redirects are not followed; the bodies are
 * the feed's CloudEvents. Each test works in an organization of its own.
 */
class WebhookDeliveryTest {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    @TempDir
    static Path dir;
    private static InProcessService service;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start();
        service = InProcessService.start(dir.resolve("data"), Map.of("METERING_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1",
                "METERING_WEBHOOK_TIMEOUT", "PT1S", "METERING_WEBHOOK_LEASE", "PT5S",
                "METERING_WEBHOOK_RETRY_SCHEDULE", "PT0.2S,PT0.3S,PT0.5S,PT1S,PT1S,PT2S"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        receiver.close();
    }

    private static String admin() {
        return Tokens.admin("hooks-" + UUID.randomUUID());
    }

    @Test
    void aReceiverDownForAWhileGetsEveryEventInOrderOnceItIsBack() {
        String admin = admin();
        WebhookFixture f = new WebhookFixture(service.http(), admin);
        JsonNode hook = f.subscribe(receiver.url("/down-then-up"));
        String start = hook.at("/delivery/cursor").asText();
        receiver.answer(m -> m.path().equals("/down-then-up") ? 503 : 204);
        f.readings(250);
        List<String> expected = f.feedIds(start);
        assertThat(expected).hasSize(250);

        receiver.await(ms -> ms.stream().filter(m -> m.path().equals("/down-then-up")).count() >= 3, "three failed attempts", WITHIN);
        receiver.answer(m -> 204);
        receiver.awaitAll("/down-then-up", expected, WITHIN);

        List<String> got = receiver.ids("/down-then-up");
        List<String> accepted = got.subList(got.lastIndexOf(expected.get(0)), got.size());
        assertThat(accepted).as("after the outage: every event once, in feed order").containsExactlyElementsOf(expected);
        assertThat(got.subList(0, got.lastIndexOf(expected.get(0)))).as("during the outage: only the head, retried")
                .containsOnly(expected.get(0));
        JsonNode after = f.subscription(hook.get("id").asText());
        assertThat(after.at("/delivery/failures").asInt()).isZero();
        assertThat(after.get("enabled").asBoolean()).isTrue();
    }

    @Test
    void aReceiverAnswering500SeesTheRetriesUntilTheSubscriptionIsDisabledAndAReplayDeliversAgain() {
        String admin = admin();
        WebhookFixture f = new WebhookFixture(service.http(), admin);
        JsonNode hook = f.subscribe(receiver.url("/always-500"));
        String id = hook.get("id").asText();
        String start = hook.at("/delivery/cursor").asText();
        receiver.answer(m -> m.path().equals("/always-500") ? 500 : 204);
        f.readings(3);
        List<String> expected = f.feedIds(start);

        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (f.subscription(id).get("enabled").asBoolean()) {
            assertThat(System.nanoTime()).as("disabled within a minute").isLessThan(deadline);
            ServiceProcess.pause(100);
        }

        assertThat(receiver.ids("/always-500")).as("the first attempt and six retries of the head").hasSize(7)
                .containsOnly(expected.get(0));
        JsonNode disabled = f.subscription(id);
        assertThat(disabled.at("/delivery/disabled_reason").asText()).contains(expected.get(0)).contains("failed 7 times").contains("500");
        JsonNode attempts = f.attempts(id);
        assertThat(attempts.get("hits").asInt()).isEqualTo(7);
        attempts.get("data").forEach(a -> {
            assertThat(a.get("status").asInt()).isEqualTo(500);
            assertThat(a.get("succeeded").asBoolean()).isFalse();
            assertThat(a.get("response_excerpt").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(256);
        });

        receiver.answer(m -> 204);
        Http.Reply replay = service.http().post("/v1/metering/webhooks/" + id + "/replay?after=" + start, admin, null);
        assertThat(replay.status()).as("%s", replay).isEqualTo(200);
        receiver.awaitAll("/always-500", expected, WITHIN);
        List<String> got = receiver.ids("/always-500");
        assertThat(got.subList(7, got.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void theBodyIsTheFeedsCloudEventAndRedirectsAreNotFollowed() throws Exception {
        String admin = admin();
        WebhookFixture f = new WebhookFixture(service.http(), admin);
        JsonNode hook = f.subscribe(receiver.url("/cloudevents"));
        String start = hook.at("/delivery/cursor").asText();
        f.readings(2);
        List<JsonNode> feed = f.feed(start);
        receiver.awaitAll("/cloudevents", feed.stream().map(e -> e.get("id").asText()).toList(), WITHIN);
        List<JsonNode> bodies = new ArrayList<>();
        for (WebhookReceiver.Message m : receiver.messages()) {
            if (m.path().equals("/cloudevents")) {
                bodies.add(Http.JSON.readTree(m.body()));
                assertThat(m.signature()).startsWith("v1,");
                assertThat(Long.parseLong(m.timestamp())).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
            }
        }
        assertThat(bodies).as("exactly the feed's events").containsExactlyElementsOf(feed);
        assertThat(bodies.get(0).get("specversion").asText()).isEqualTo("1.0");
        assertThat(bodies.get(0).get("type").asText()).isEqualTo("io.metering.reading.created");

        JsonNode redirecting = f.subscribe(receiver.url("/moved"));
        receiver.answer(m -> m.path().equals("/moved") ? 307 : 204);
        Http.Reply test = service.http().post("/v1/metering/webhooks/" + redirecting.get("id").asText() + "/test", admin, null);
        assertThat(test.status()).as("%s", test).isEqualTo(200);
        assertThat(test.json().at("/data/status").asInt()).isEqualTo(307);
        assertThat(test.json().at("/data/succeeded").asBoolean()).isFalse();
        assertThat(receiver.ids("/redirected")).as("the redirect is not followed").isEmpty();
    }

    @Test
    void theServiceRefusesUrlsTheOutboundRulesForbid() {
        String admin = admin();
        for (String url : List.of("http://localhost:8080/hook", "https://127.0.0.2/hook", "https://10.1.2.3/hook", "http://example.com/h")) {
            Http.Reply r = service.http().post("/v1/metering/webhooks", admin, "{\"url\":\"" + url + "\"}");
            assertThat(r.status()).as(url + ": %s", r).isEqualTo(400);
            assertThat(r.reason()).isEqualTo("webhook_url_refused");
        }
        assertThat(service.http().post("/v1/metering/webhooks", admin, "{\"url\":\"http://127.0.0.1:9/listed\"}").status())
                .as("a listed host over http").isEqualTo(201);
        assertThat(service.http().post("/v1/metering/webhooks", Tokens.portal("hooks-x", "c-1"), "{\"url\":\"http://127.0.0.1:9/\"}")
                .status()).isEqualTo(403);
    }
}
