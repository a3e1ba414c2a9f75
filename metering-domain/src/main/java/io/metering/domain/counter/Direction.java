package io.metering.domain.counter;

import io.metering.domain.code.WireCodes;
import java.util.Optional;

/**
 * Energy flow direction of a counter or reading (contract schema {@code Direction}).
 * {@code feed-out} is energy drawn from the grid (consumption); {@code feed-in} is energy delivered
 * to the grid (docs/domain.md#terms).
 */
public enum Direction {
    FEED_IN("feed-in"),
    FEED_OUT("feed-out");

    private final String code;

    Direction(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    private static final WireCodes<Direction> BY_CODE = WireCodes.of(values(), d -> d.code);

    /** @return the direction for a wire value, or empty if unknown */
    public static Optional<Direction> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
