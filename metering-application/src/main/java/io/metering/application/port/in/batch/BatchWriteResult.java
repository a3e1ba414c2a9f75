package io.metering.application.port.in.batch;

import java.util.List;

/**
 * Outcome of a v2 batch.
 *
 * @param items one result per request item, in request order
 */
public record BatchWriteResult(List<BatchItemResult> items) {
    /** Copies the list. */
    public BatchWriteResult {
        items = List.copyOf(items);
    }
}
