package io.metering.application.port.in.webhook;

import io.metering.application.model.FieldChange;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A partial update of a webhook subscription: absent fields stay as they are. Enabling a
 * subscription the service disabled clears the reason and resumes at its cursor.
 *
 * @param url a new receiver
 * @param eventTypes new event types (empty list: every type)
 * @param enabled enable or disable
 * @param description keep, clear or set the description
 */
public record WebhookChanges(Optional<URI> url, Optional<List<String>> eventTypes, Optional<Boolean> enabled,
        FieldChange<String> description) {
    /** Checks the fields. */
    public WebhookChanges {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(eventTypes, "eventTypes");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(description, "description");
    }
}
