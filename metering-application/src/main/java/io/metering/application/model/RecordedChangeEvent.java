package io.metering.application.model;

import java.util.Objects;

/**
 * A change event as the feed reads it back: the event and its position.
 *
 * @param position where the event lies in the feed; its cursor is the consumer's next {@code after}
 * @param event the event
 */
public record RecordedChangeEvent(EventPosition position, ChangeEvent event) {
    /** @throws NullPointerException if a part is null */
    public RecordedChangeEvent {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(event, "event");
    }
}
