package io.metering.adapters.http.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.metering.application.port.out.WebhookSender;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against a local receiver: the Standard Webhooks headers and the specification's test
 * vector, one signature per secret, no redirect followed, the timeout bounding a slow receiver, an
 * excerpt of at most 256 bytes, and the outbound rules checked again before sending.
 */
class HttpWebhookSenderTest {
    private static final Instant AT = Instant.ofEpochSecond(1614265330);
    private HttpServer server;
    private final Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
    private final AtomicInteger redirectedHits = new AtomicInteger();
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/ok", x -> {
            try (x) {
                x.getRequestBody().readAllBytes();
                seen.put(x.getRequestHeaders().getFirst("webhook-id"), Map.of(
                        "timestamp", x.getRequestHeaders().getFirst("webhook-timestamp"),
                        "signature", x.getRequestHeaders().getFirst("webhook-signature"),
                        "type", x.getRequestHeaders().getFirst("content-type")));
                byte[] big = "é".repeat(1000).getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(200, big.length);
                x.getResponseBody().write(big);
            }
        });
        server.createContext("/moved", x -> {
            try (x) {
                x.getResponseHeaders().add("Location", base + "/redirected");
                x.sendResponseHeaders(302, -1);
            }
        });
        server.createContext("/redirected", x -> {
            try (x) {
                redirectedHits.incrementAndGet();
                x.sendResponseHeaders(204, -1);
            }
        });
        server.createContext("/slow", x -> {
            try (x) {
                Thread.sleep(3000);
                x.sendResponseHeaders(204, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpWebhookSender sender(Set<String> allowed) {
        return new HttpWebhookSender(new OutboundSettings(allowed, Duration.ofMillis(800)));
    }

    @Test
    void signsAsTheSpecificationsTestVectorSays() {
        assertThat(HttpWebhookSender.signatures("msg_p5jXN8AQM9LWM0D4loKWxJek", AT, "{\"test\": 2432232314}",
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void sendsTheHeadersWithASignaturePerSecretAndKeepsAShortExcerpt() {
        WebhookSender.Response r = sender(Set.of("127.0.0.1")).send(URI.create(base + "/ok"), "evt-1", "{\"a\":1}",
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_dGhlIHByZXZpb3VzIHNlY3JldCBvZiAzMiBieXRlcw=="), AT);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.error()).isNull();
        assertThat(r.excerpt().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(256);
        assertThat(r.excerpt()).startsWith("ééé").doesNotContain("\uFFFD");
        Map<String, String> h = seen.get("evt-1");
        assertThat(h.get("timestamp")).isEqualTo("1614265330");
        assertThat(h.get("signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        assertThat(h.get("type")).isEqualTo("application/cloudevents+json");
    }

    @Test
    void doesNotFollowRedirects() {
        WebhookSender.Response r = sender(Set.of("127.0.0.1")).send(URI.create(base + "/moved"), "evt-2", "{}",
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), AT);

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.error()).contains("302");
        assertThat(redirectedHits).hasValue(0);
    }

    @Test
    void aSlowReceiverTimesOut() {
        WebhookSender.Response r = sender(Set.of("127.0.0.1")).send(URI.create(base + "/slow"), "evt-3", "{}",
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), AT);

        assertThat(r.status()).isNull();
        assertThat(r.error()).contains("timed out");
        assertThat(r.duration()).isLessThan(Duration.ofMillis(2900));
    }

    @Test
    void anUnlistedPrivateHostIsRefusedBeforeAnyRequest() {
        WebhookSender.Response r = sender(Set.of()).send(URI.create(base + "/ok"), "evt-4", "{}",
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), AT);

        assertThat(r.status()).isNull();
        assertThat(r.error()).startsWith("refused:");
        assertThat(seen).doesNotContainKey("evt-4");
    }
}
