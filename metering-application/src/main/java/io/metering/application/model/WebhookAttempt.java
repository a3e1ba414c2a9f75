package io.metering.application.model;

import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One delivery attempt of one event to one subscription, as recorded and listed
 * (docs/webhooks.md "Attempts").
 *
 * @param subscriptionId the subscription
 * @param org its organization
 * @param eventId the event's id (the {@code webhook-id} header)
 * @param eventType the event's type
 * @param position the event's feed position, null for a test message
 * @param attemptedAt when the request was sent
 * @param status the receiver's HTTP status, or null when no answer came (refused, timed out)
 * @param durationMillis how long the attempt took, in milliseconds
 * @param error what went wrong, or null on success
 * @param responseExcerpt the first bytes of the answer's body (at most {@link #EXCERPT_BYTES}), or null
 */
public record WebhookAttempt(UUID subscriptionId, OrganizationId org, String eventId, String eventType, String position,
        Instant attemptedAt, Integer status, long durationMillis, String error, String responseExcerpt) {
    /** The most of a response body kept. */
    public static final int EXCERPT_BYTES = 256;

    /** Checks the fields. */
    public WebhookAttempt {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
    }

    /** Whether the receiver acknowledged the message (any 2xx status). */
    public boolean succeeded() {
        return status != null && status >= 200 && status < 300;
    }
}
