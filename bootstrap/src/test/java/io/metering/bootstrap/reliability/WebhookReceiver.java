package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.metering.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A webhook receiver on 127.0.0.1 for the delivery tests: records every request (path, Standard
 * Webhooks headers, body) and answers as told (204 by default); can be stopped, so connections are
 * refused, and started again on the same port.
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    record Message(String path, String id, String timestamp, String signature, String body) {}

    private final int port;
    private final List<Message> messages = new ArrayList<>();
    private volatile Function<Message, Integer> answer = m -> 204;
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;

    private WebhookReceiver(int port) {
        this.port = port;
    }

    /** Starts a receiver on a free port. */
    static WebhookReceiver start() {
        WebhookReceiver r = new WebhookReceiver(FreePorts.free());
        r.up();
        return r;
    }

    /** The URL of a path on this receiver. */
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Answers with the status the function gives. */
    void answer(Function<Message, Integer> answer) {
        this.answer = answer;
    }

    /** Waits this long before answering each request. */
    void delay(Duration delay) {
        this.delay = delay;
    }

    /** Starts listening (again). */
    synchronized void up() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Message m = new Message(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body);
                ServiceProcess.pause(delay.toMillis());
                int status = answer.apply(m);
                synchronized (messages) {
                    messages.add(m);
                }
                if (status >= 300 && status < 400) {
                    exchange.getResponseHeaders().add("Location", url("/redirected"));
                }
                byte[] reply = ("status " + status + " " + "x".repeat(1000)).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, status == 204 ? -1 : reply.length);
                if (status != 204) {
                    exchange.getResponseBody().write(reply);
                }
            }
        });
        server.start();
    }

    /** Stops listening: connections are refused until {@link #up()}. */
    synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Everything received so far, in arrival order. */
    List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** The ids received at a path, in arrival order. */
    List<String> ids(String path) {
        return messages().stream().filter(m -> m.path().equals(path)).map(Message::id).toList();
    }

    /** Waits until every id has arrived at the path. */
    void awaitAll(String path, Collection<String> ids, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!ids(path).containsAll(ids)) {
            assertThat(System.nanoTime()).as("%d of %d events at %s within %s", ids(path).stream().distinct().filter(ids::contains)
                    .count(), ids.size(), path, within).isLessThan(deadline);
            ServiceProcess.pause(50);
        }
    }

    /** Waits until the condition on the messages holds. */
    void await(java.util.function.Predicate<List<Message>> condition, String what, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.test(messages())) {
            assertThat(System.nanoTime()).as(what + " within " + within).isLessThan(deadline);
            ServiceProcess.pause(20);
        }
    }

    @Override
    public void close() {
        down();
    }

    static long seconds(Duration d) {
        return TimeUnit.NANOSECONDS.toSeconds(d.toNanos());
    }
}
