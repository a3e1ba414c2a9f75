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
 * @param subject the changed resource (CloudEvents {@code subject}), e.g. a reading's id; for a
 *     reading's data ({@link EventData.OfReading}) always the reading's own subject, derived from it
 * @param time when the change was made, from the service's clock
 * @param actor who made the change: {@code admin:<subject>}, {@code portal:<subject>} or {@code system}
 * @param data the resource as the API shows it, rendered or a reading to render
 */
public record ChangeEvent(UUID id, OrganizationId org, String type, String subject, Instant time, String actor, EventData data) {
    /**
     * @throws NullPointerException if a part is null (the subject may be null only for a reading's data)
     * @throws IllegalArgumentException if a reading's data comes with another subject than its own
     */
    public ChangeEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(data, "data");
        if (data instanceof EventData.OfReading r) {
            // not kept: derived when asked, so recording a reading builds no subject text and the outbox stores none
            if (subject != null && !subject.equals(r.subject())) {
                throw new IllegalArgumentException("a reading's event has the reading's subject, not " + subject);
            }
            subject = null;
        } else {
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** An event whose data was rendered at the change (one JSON object as text, served verbatim). */
    public ChangeEvent(UUID id, OrganizationId org, String type, String subject, Instant time, String actor, String data) {
        this(id, org, type, subject, time, actor, new EventData.Json(data));
    }

    /** The changed resource (CloudEvents {@code subject}). */
    @Override
    public String subject() {
        return data instanceof EventData.OfReading r ? r.subject() : subject;
    }
}
