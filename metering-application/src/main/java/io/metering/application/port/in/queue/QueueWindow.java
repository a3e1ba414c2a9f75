package io.metering.application.port.in.queue;

import java.util.List;

/**
 * One page of a review queue (docs/console.md "Queues") and what the navigation shows of the whole.
 *
 * @param items the page, in queue order
 * @param nextCursor where the next page starts; null on the last page
 * @param count how many items the whole queue (its filters, not the cursor) holds, counted up to
 *     {@link ReviewQueuesQuery#COUNT_CAP}
 * @param countExact false when the queue holds more than {@code count} items
 * @param <T> item type
 */
public record QueueWindow<T>(List<T> items, String nextCursor, long count, boolean countExact) {
    /** Copies the item list. */
    public QueueWindow {
        items = List.copyOf(items);
    }
}
