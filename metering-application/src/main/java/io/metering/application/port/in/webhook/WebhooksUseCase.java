package io.metering.application.port.in.webhook;

import io.metering.application.access.Caller;
import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.model.WebhookAttempt;
import io.metering.application.model.WebhookSubscription;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Admin operations on the caller's organization's webhook subscriptions (docs/webhooks.md). Portal
 * callers are refused (403); a subscription of another organization is not found (404). A URL the
 * outbound rules refuse answers {@code webhook_url_refused}.
 */
public interface WebhooksUseCase {
    /** The longest overlap a rotation may give the previous secret. */
    Duration MAX_OVERLAP = Duration.ofDays(7);
    /** The overlap when none is asked for. */
    Duration DEFAULT_OVERLAP = Duration.ofHours(24);

    /** Creates a subscription that receives the events committed from now on; its secret is shown this once. */
    CreatedWebhook create(Caller caller, WebhookDraft draft);

    /** The organization's subscriptions, oldest first. */
    List<WebhookSubscription> list(Caller caller);

    /** One subscription. */
    WebhookSubscription get(Caller caller, UUID id);

    /** Changes a subscription. */
    WebhookSubscription update(Caller caller, UUID id, WebhookChanges changes);

    /** Deletes a subscription and its attempts; delivery stops. */
    void delete(Caller caller, UUID id);

    /** A new secret; the previous one keeps signing for {@code overlap} (at most {@link #MAX_OVERLAP}). */
    RotatedSecret rotateSecret(Caller caller, UUID id, Duration overlap);

    /** Sends a signed test message ({@code io.metering.webhook.test}) now, records and returns the attempt. */
    WebhookAttempt test(Caller caller, UUID id);

    /**
     * Delivers again from a feed cursor: the next event sent is the first after {@code after}; the
     * subscription is enabled and its failures forgotten.
     */
    WebhookSubscription replay(Caller caller, UUID id, String after);

    /** The subscription's delivery attempts, newest first. */
    Page<WebhookAttempt> attempts(Caller caller, UUID id, PageRequest page);
}
