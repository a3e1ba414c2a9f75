package io.metering.domain.meter;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identity of a meter ({@code _id}, a UUID).
 *
 * @param value the UUID
 */
public record MeterId(UUID value) {
    /** @throws NullPointerException if value is null */
    public MeterId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh random id. */
    public static MeterId random() {
        return new MeterId(UUID.randomUUID());
    }

    /**
     * Reads an id from its text form.
     *
     * @param text a UUID in canonical form, may be null
     * @return the id, or empty when the text is not a UUID (such an id cannot exist)
     */
    public static Optional<MeterId> parse(String text) {
        return Uuids.parse(text).map(MeterId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
