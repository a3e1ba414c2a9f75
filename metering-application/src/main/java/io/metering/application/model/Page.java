package io.metering.application.model;

import java.util.List;
import java.util.function.Function;

/**
 * One window of a result list and the size of the whole list.
 *
 * @param items the items of the window
 * @param total how many items the whole list has
 * @param <T> item type
 */
public record Page<T>(List<T> items, long total) {
    /** Copies the item list. */
    public Page {
        items = List.copyOf(items);
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), total);
    }
}
