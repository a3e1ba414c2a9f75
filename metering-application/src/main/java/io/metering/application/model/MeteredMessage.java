package io.metering.application.model;

import java.util.List;

/**
 * A market message of metered data, read from its format (MSCONS) by an adapter: the application
 * sees locations, OBIS codes, readings and interval values only.
 *
 * @param reference the message's reference (MSCONS: the BGM document number), kept as the source of
 *     its interval values and the external id of its readings' origin; may be null
 * @param series the series, in message order
 */
public record MeteredMessage(String reference, List<MeteredSeries> series) {
    /** Copies the list. */
    public MeteredMessage {
        series = List.copyOf(series);
    }

    /** How many quantities the message holds. */
    public long values() {
        return series.stream().mapToLong(s -> s.values().size()).sum();
    }
}
