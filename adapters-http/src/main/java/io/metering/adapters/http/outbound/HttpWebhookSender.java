package io.metering.adapters.http.outbound;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.metering.application.model.WebhookAttempt;
import io.metering.application.port.out.WebhookSender;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends webhook messages with {@link HttpClient} (docs/webhooks.md "Headers", "Outbound protection"):
 * a POST of the CloudEvent JSON with {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature}, signed by the Standard Webhooks reference library, one
 * {@code v1,<base64>} signature per secret separated by spaces. Redirects are never followed (a 3xx is
 * a failed attempt), connecting and the whole exchange are bounded by the timeout, and only the first
 * {@value WebhookAttempt#EXCERPT_BYTES} bytes of an answer are read.
 */
public final class HttpWebhookSender implements WebhookSender {
    /** Built at the first message: building one sets up the JDK's TLS (trust store, key agreement), a good part of a start that most services never need. */
    private volatile HttpClient client;
    private final OutboundSettings settings;
    private final OutboundRules rules;

    /** @param settings timeouts and the hosts allowed on private addresses */
    public HttpWebhookSender(OutboundSettings settings) {
        this(settings, new OutboundRules(settings));
    }

    HttpWebhookSender(OutboundSettings settings, OutboundRules rules) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .connectTimeout(settings.timeout())
                            .version(HttpClient.Version.HTTP_1_1)
                            .build();
                    client = built;
                }
            }
        }
        return built;
    }

    @Override
    public Response send(URI url, String id, String body, List<String> secrets, Instant timestamp) {
        long started = System.nanoTime();
        // the address may have changed since the URL was checked (DNS): check again before each message
        Optional<String> refused = rules.refusal(url);
        if (refused.isPresent()) {
            return new Response(null, since(started), "refused: " + refused.get(), null);
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(settings.timeout())
                .header("content-type", "application/cloudevents+json")
                .header("user-agent", "metering-webhooks")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp.getEpochSecond()))
                .header("webhook-signature", signatures(id, timestamp, body, secrets))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> answer = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt = excerpt(answer.body());
            int status = answer.statusCode();
            String error = status >= 200 && status < 300 ? null : "the receiver answered " + status;
            return new Response(status, since(started), error, excerpt);
        } catch (HttpTimeoutException e) {
            return new Response(null, since(started), "timed out after " + settings.timeout().toMillis() + " ms", null);
        } catch (IOException e) {
            return new Response(null, since(started), "no answer: " + describe(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(null, since(started), "interrupted: the service is stopping", null);
        } catch (IllegalArgumentException e) {
            return new Response(null, since(started), "the request could not be made: " + e.getMessage(), null);
        }
    }

    /** The {@code webhook-signature} header: one {@code v1,<base64>} per secret, space-separated. */
    static String signatures(String id, Instant timestamp, String body, List<String> secrets) {
        List<String> signatures = new ArrayList<>(secrets.size());
        for (String secret : secrets) {
            try {
                signatures.add(new Webhook(secret).sign(id, timestamp.getEpochSecond(), body));
            } catch (WebhookSigningException | EmptyWebhookSecretException | RuntimeException e) {
                throw new IllegalStateException("signing a webhook message failed", e);
            }
        }
        return String.join(" ", signatures);
    }

    /** The answer's first bytes, read no further; the rest is never read (the stream is closed). */
    private static String excerpt(InputStream body) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes(WebhookAttempt.EXCERPT_BYTES);
            if (bytes.length == 0) {
                return null;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            // a multi-byte character cut at the end decodes as U+FFFD: drop it
            return text.endsWith("\uFFFD") ? text.substring(0, text.length() - 1) : text;
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
