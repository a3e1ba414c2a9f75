package io.metering.application.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The signing secrets of one webhook subscription, in the Standard Webhooks form {@code whsec_} +
 * base64 of random bytes (docs/webhooks.md "Secret and rotation"). After a rotation the previous
 * secret still signs until {@code previousUntil}, so a receiver can switch keys without losing a
 * message. Never logged: {@link #toString()} shows no secret.
 *
 * @param current the secret every message is signed with
 * @param previous the secret before the last rotation, or null
 * @param previousUntil until when the previous secret also signs, or null
 */
public record WebhookSecrets(String current, String previous, Instant previousUntil) {
    /** Checks that the previous secret and its end come together. */
    public WebhookSecrets {
        Objects.requireNonNull(current, "current");
        if ((previous == null) != (previousUntil == null)) {
            throw new IllegalArgumentException("a previous secret needs its end, and only then");
        }
    }

    /** The secrets a message sent at {@code now} is signed with: the current one, and the previous one within its overlap. */
    public List<String> signingAt(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(current);
        if (previous != null && now.isBefore(previousUntil)) {
            secrets.add(previous);
        }
        return secrets;
    }

    /** These secrets after a rotation at {@code now} to {@code next}, the current one signing on until {@code now + overlap}. */
    public WebhookSecrets rotatedTo(String next, Instant previousUntil) {
        return new WebhookSecrets(next, current, previousUntil);
    }

    @Override
    public String toString() {
        return "WebhookSecrets[***" + (previous == null ? "" : ", previous until " + previousUntil) + "]";
    }
}
