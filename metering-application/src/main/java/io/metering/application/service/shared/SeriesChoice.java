package io.metering.application.service.shared;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.reading.Reading;

/**
 * Which series of a counter a question about "the counter" means when no direction is named: the
 * counter's implied direction (declared, else from its OBIS code), else the direction of its latest
 * reading, else feed-out.
 */
public final class SeriesChoice {
    private SeriesChoice() {}

    /** @param latest the counter's latest plausible reading, null if none */
    public static Direction direction(Counter counter, Reading latest) {
        return counter.impliedDirection().orElse(latest != null ? latest.direction() : Direction.FEED_OUT);
    }
}
