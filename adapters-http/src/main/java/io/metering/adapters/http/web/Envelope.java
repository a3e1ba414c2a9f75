package io.metering.adapters.http.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The {@code {data: ...}} wrapper of the contract's answers, and {@code {data, hits}} for pages. */
public final class Envelope {
    private Envelope() {}

    /**
     * {@code {data}}.
     *
     * @param data the payload
     */
    public record Data(Object data) {}

    /**
     * {@code {data, pending_changesets?}}: a write answer with the changesets created instead of
     * writes on governed meters (left out when there are none).
     *
     * @param data the payload
     * @param pendingChangesets the created changesets
     */
    public record DataWithChangesets(
            Object data,
            @com.fasterxml.jackson.annotation.JsonProperty("pending_changesets")
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<?> pendingChangesets) {}

    /**
     * {@code {data, hits}}.
     *
     * @param data one window of a list
     * @param hits how many items the whole list has
     */
    public record Page(List<?> data, long hits) {}
}
