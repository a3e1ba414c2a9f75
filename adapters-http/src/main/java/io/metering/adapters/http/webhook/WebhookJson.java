package io.metering.adapters.http.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.metering.application.model.WebhookAttempt;
import io.metering.application.model.WebhookSubscription;
import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as the API shows it (OpenAPI schema {@code WebhookSubscription}); never its
 * secrets, apart from the {@code secret} of the creation's answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebhookJson(String id, String url, @JsonProperty("event_types") List<String> eventTypes, boolean enabled, String description,
        @JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt, Delivery delivery,
        @JsonProperty("previous_secret_valid_until") Instant previousSecretValidUntil, String secret) {

    /**
     * Where delivery stands.
     *
     * @param cursor feed position of the last event delivered
     * @param failures failed attempts of the next event in a row
     * @param nextAttemptAt when the next event is tried
     * @param failingSince when the failures began
     * @param disabledReason why the service disabled the subscription
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delivery(String cursor, int failures, @JsonProperty("next_attempt_at") Instant nextAttemptAt,
            @JsonProperty("failing_since") Instant failingSince, @JsonProperty("disabled_reason") String disabledReason) {}

    static WebhookJson of(WebhookSubscription s, Instant now) {
        return of(s, now, null);
    }

    static WebhookJson of(WebhookSubscription s, Instant now, String secret) {
        Instant previousUntil = s.secrets().previousUntil();
        return new WebhookJson(s.id().toString(), s.url().toString(), s.eventTypes(), s.enabled(), s.description(), s.createdAt(),
                s.updatedAt(), new Delivery(s.delivery().cursor(), s.delivery().failures(), s.delivery().nextAttemptAt(),
                        s.delivery().failingSince(), s.delivery().disabledReason()),
                previousUntil != null && previousUntil.isAfter(now) ? previousUntil : null, secret);
    }

    /**
     * One attempt (OpenAPI schema {@code WebhookAttempt}).
     *
     * @param eventId the event's id
     * @param eventType its type
     * @param position its feed position (absent for test messages)
     * @param attemptedAt when it was sent
     * @param status the receiver's status, absent when none came
     * @param durationMs milliseconds it took
     * @param succeeded whether the receiver acknowledged it (2xx)
     * @param error what went wrong
     * @param responseExcerpt the first bytes of the answer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Attempt(@JsonProperty("event_id") String eventId, @JsonProperty("event_type") String eventType, String position,
            @JsonProperty("attempted_at") Instant attemptedAt, Integer status, @JsonProperty("duration_ms") long durationMs,
            boolean succeeded, String error, @JsonProperty("response_excerpt") String responseExcerpt) {

        static Attempt of(WebhookAttempt a) {
            return new Attempt(a.eventId(), a.eventType(), a.position(), a.attemptedAt(), a.status(), a.durationMillis(), a.succeeded(),
                    a.error(), a.responseExcerpt());
        }
    }
}
