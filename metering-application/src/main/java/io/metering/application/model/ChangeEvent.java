package io.metering.application.model;

import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One committed change, as the outbox keeps it: everything needed to render the same CloudEvent
 * every time it is read (docs/events.md "Format").
 *
 * @param id the event id (CloudEvents {@code id}), unique
 * @param org the organization whose resource changed
 * @param type the event type, e.g. {@code io.metering.reading.created} ({@link ChangeEventType#wireName()})
 * @param subject the changed resource (CloudEvents {@code subject}), e.g. a reading's id
 * @param time when the change was made, from the service's clock
 * @param actor who made the change: {@code admin:<subject>}, {@code portal:<subject>} or {@code system}
 * @param data the resource as the API shows it, one JSON object as text (stored and served verbatim)
 */
public record ChangeEvent(UUID id, OrganizationId org, String type, String subject, Instant time, String actor, String data) {
    /** @throws NullPointerException if a part is null */
    public ChangeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(data, "data");
    }
}
