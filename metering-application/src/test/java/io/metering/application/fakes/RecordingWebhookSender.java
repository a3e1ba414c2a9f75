package io.metering.application.fakes;

import io.metering.application.port.out.WebhookSender;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A {@link WebhookSender} that records what it is asked to send and answers as told (by default 204). */
public final class RecordingWebhookSender implements WebhookSender {
    /** One message as sent. */
    public record Sent(URI url, String id, String body, List<String> secrets, Instant timestamp) {}

    private final List<Sent> sent = new ArrayList<>();
    private volatile Function<Sent, Integer> answer = s -> 204;

    /** Answers with the status the function gives; null means no answer came. */
    public void answer(Function<Sent, Integer> answer) {
        this.answer = answer;
    }

    @Override
    public synchronized Response send(URI url, String id, String body, List<String> secrets, Instant timestamp) {
        Sent s = new Sent(url, id, body, List.copyOf(secrets), timestamp);
        sent.add(s);
        Integer status = answer.apply(s);
        String error = status == null ? "no answer: connection refused" : status >= 200 && status < 300 ? null : "the receiver answered " + status;
        return new Response(status, Duration.ofMillis(3), error, status == null ? null : "ok");
    }

    /** Everything sent so far, in order. */
    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }
}
