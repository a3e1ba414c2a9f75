package io.metering.application.model;

import java.util.List;
import java.util.Objects;

/**
 * One read of the feed.
 *
 * @param events the events after the asked position, in position order
 * @param next the cursor to read on from: the last event's position, or the asked one when empty
 */
public record ChangeEventPage(List<RecordedChangeEvent> events, EventPosition next) {
    /** @throws NullPointerException if a part is null */
    public ChangeEventPage {
        events = List.copyOf(events);
        Objects.requireNonNull(next, "next");
    }
}
