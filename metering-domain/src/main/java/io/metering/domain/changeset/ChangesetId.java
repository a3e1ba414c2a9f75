package io.metering.domain.changeset;

import io.metering.domain.meter.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identity of a changeset (a UUID v4).
 *
 * @param value the UUID
 */
public record ChangesetId(UUID value) {
    /** @throws NullPointerException if value is null */
    public ChangesetId {
        Objects.requireNonNull(value, "value");
    }

    /** A fresh random id. */
    public static ChangesetId random() {
        return new ChangesetId(UUID.randomUUID());
    }

    /** @return the id, or empty when the text is not a UUID */
    public static Optional<ChangesetId> parse(String text) {
        return Uuids.parse(text).map(ChangesetId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
