package io.metering.application.port.in.webhook;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A new webhook subscription as an admin describes it.
 *
 * @param url the receiver
 * @param eventTypes the event types to send; empty means every type
 * @param enabled whether delivery starts at once
 * @param description free text, or null
 */
public record WebhookDraft(URI url, List<String> eventTypes, boolean enabled, String description) {
    /** Checks the fields and copies the list. */
    public WebhookDraft {
        Objects.requireNonNull(url, "url");
        eventTypes = List.copyOf(eventTypes);
    }
}
