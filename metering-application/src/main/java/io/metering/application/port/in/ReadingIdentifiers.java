package io.metering.application.port.in;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which fields of a v2 batch item identify the stored reading it addresses (contract request field
 * {@code identifiers}; docs/domain.md#batch-v2-and-prune). The default is the reading's key: meter,
 * counter, direction and timestamp. Custom identifiers replace the default entirely, e.g.
 * {@code ["external_id"]} or {@code ["metadata.registration_id", "metadata.business_unit"]}.
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
    /** At most this many identifier paths. */
    public static final int MAX_PATHS = 20;
    private static final String METADATA = "metadata.";
    private static final int MAX_KEY = 100;

    /** @throws InvalidRequestException {@code invalid_identifiers} if no field is selected */
    public ReadingIdentifiers {
        metadataKeys = metadataKeys == null ? List.of() : List.copyOf(new LinkedHashSet<>(metadataKeys));
        if (!meterId && !counterId && !direction && !timestamp && !externalId && metadataKeys.isEmpty()) {
            throw new InvalidRequestException(RejectionReason.INVALID_IDENTIFIERS, "identifiers must name at least one field");
        }
    }

    /**
     * Reads identifier paths as the contract sends them. Absent or empty means the default.
     *
     * @param paths {@code meter_id}, {@code counter_id}, {@code direction}, {@code timestamp},
     *     {@code external_id} or {@code metadata.<key>}
     * @throws InvalidRequestException {@code invalid_identifiers} for any other path, an empty
     *     metadata key, or more than {@value #MAX_PATHS} paths
     */
    public static ReadingIdentifiers parse(List<String> paths) {
        if (paths == null || paths.isEmpty()) {
            return DEFAULT;
        }
        if (paths.size() > MAX_PATHS) {
            throw invalid("at most " + MAX_PATHS + " identifiers are allowed");
        }
        Set<String> fields = new LinkedHashSet<>();
        List<String> keys = new ArrayList<>();
        for (String p : paths) {
            if (p == null) {
                throw invalid("identifiers must be strings");
            }
            switch (p) {
                case "meter_id", "counter_id", "direction", "timestamp", "external_id" -> fields.add(p);
                default -> {
                    String key = p.startsWith(METADATA) ? p.substring(METADATA.length()) : "";
                    if (key.isEmpty() || key.length() > MAX_KEY) {
                        throw invalid("unknown identifier '" + (p.length() > 120 ? p.substring(0, 120) + "..." : p)
                                + "'; allowed are meter_id, counter_id, direction, timestamp, external_id and metadata.<key>");
                    }
                    keys.add(key);
                }
            }
        }
        return new ReadingIdentifiers(fields.contains("meter_id"), fields.contains("counter_id"), fields.contains("direction"),
                fields.contains("timestamp"), fields.contains("external_id"), keys);
    }

    /** Whether these are the default identity (the reading's key). */
    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The identifier paths, for messages. */
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

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(RejectionReason.INVALID_IDENTIFIERS, message);
    }
}
