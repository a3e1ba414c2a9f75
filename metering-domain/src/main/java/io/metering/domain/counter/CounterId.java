package io.metering.domain.counter;

import io.metering.domain.meter.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identity of a counter (register) of a meter, a UUID.
 *
 * @param value the UUID
 */
public record CounterId(UUID value) implements Comparable<CounterId> {
    /** @throws NullPointerException if value is null */
    public CounterId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh random id. */
    public static CounterId random() {
        return new CounterId(UUID.randomUUID());
    }

    /**
     * @param text a canonical UUID, may be null
     * @return the id, or empty when the text is not a UUID
     */
    public static Optional<CounterId> parse(String text) {
        return Uuids.parse(text).map(CounterId::new);
    }

    @Override
    public int compareTo(CounterId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
