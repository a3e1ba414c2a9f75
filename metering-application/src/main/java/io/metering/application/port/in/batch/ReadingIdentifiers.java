package io.metering.application.port.in.batch;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which fields of a v2 batch item identify the stored reading it addresses (contract request field
 * {@code identifiers}; docs/domain.md#batch-v2-and-prune). The default is the reading's key: meter,
 * counter, direction and timestamp. Custom identifiers replace the default entirely, e.g.
 * {@code ["external_id"]} or {@code ["metadata.registration_id", "metadata.business_unit"]}. The
 * HTTP adapter reads those paths into this record; the use case sees only which fields count.
 *
 * @param meterId {@code meter_id}
 * @param counterId {@code counter_id}
 * @param direction {@code direction}
 * @param timestamp {@code timestamp}
 * @param externalId {@code external_id}
 * @param metadataKeys the keys of {@code metadata.<key>} paths, without duplicates
 */
public record ReadingIdentifiers(boolean meterId, boolean counterId, boolean direction, boolean timestamp, boolean externalId,
        List<String> metadataKeys) {
    /** The default identity: meter_id, counter_id, direction, timestamp. */
    public static final ReadingIdentifiers DEFAULT = new ReadingIdentifiers(true, true, true, true, false, List.of());
    private static final String METADATA = "metadata.";

    /** @throws InvalidRequestException {@code invalid_identifiers} if no field is selected */
    public ReadingIdentifiers {
        metadataKeys = metadataKeys == null ? List.of() : List.copyOf(new LinkedHashSet<>(metadataKeys));
        if (!meterId && !counterId && !direction && !timestamp && !externalId && metadataKeys.isEmpty()) {
            throw new InvalidRequestException(RejectionReason.INVALID_IDENTIFIERS, "identifiers must name at least one field");
        }
    }

    /** Identity by {@code external_id} alone. */
    public static ReadingIdentifiers byExternalId() {
        return new ReadingIdentifiers(false, false, false, false, true, List.of());
    }

    /**
     * Identity by metadata values alone.
     *
     * @param keys the metadata keys, e.g. {@code registration_id}
     */
    public static ReadingIdentifiers byMetadata(String... keys) {
        return new ReadingIdentifiers(false, false, false, false, false, List.of(keys));
    }

    /** Whether these are the default identity (the reading's key). */
    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The identifier paths in the contract's spelling, for messages. */
    public List<String> paths() {
        List<String> out = new ArrayList<>();
        if (meterId) {
            out.add("meter_id");
        }
        if (counterId) {
            out.add("counter_id");
        }
        if (direction) {
            out.add("direction");
        }
        if (timestamp) {
            out.add("timestamp");
        }
        if (externalId) {
            out.add("external_id");
        }
        metadataKeys.forEach(k -> out.add(METADATA + k));
        return out;
    }
}
