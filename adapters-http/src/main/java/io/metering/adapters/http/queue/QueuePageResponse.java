package io.metering.adapters.http.queue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code {data, next_cursor?, count, count_exact}}: one page of a review queue.
 *
 * @param data the page
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 * @param count how many items the queue's filters admit, counted up to 1000
 * @param countExact false when there are more than {@code count}
 */
record QueuePageResponse(
        List<?> data,
        @JsonProperty("next_cursor") @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor,
        long count,
        @JsonProperty("count_exact") boolean countExact) {}
