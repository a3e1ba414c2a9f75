package io.metering.application.service.events;

import io.metering.application.model.EventPosition;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;

/**
 * The refusal of a feed cursor beyond every transaction begun so far ({@code invalid_parameter}): no
 * feed handed it out, and reading or delivering after it would silently skip every event to come
 * (docs/events.md "Feed").
 */
public final class CursorAhead {
    private CursorAhead() {}

    /** @throws InvalidRequestException always */
    public static void refuse(EventPosition cursor) {
        throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "the cursor " + cursor.cursor()
                + " is ahead of the feed: no feed returned it; continue from a cursor the feed returned (next, an event's"
                + " sequence or an attempt's position)");
    }
}
