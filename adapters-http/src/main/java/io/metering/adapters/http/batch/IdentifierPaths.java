package io.metering.adapters.http.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.application.port.in.batch.ReadingIdentifiers;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch request's {@code identifiers} (contract field paths such as {@code external_id} or
 * {@code metadata.registration_id}) read into {@link ReadingIdentifiers}, so that no JSON path
 * reaches the use case (docs/domain.md#batch-v2-and-prune).
 */
final class IdentifierPaths {
    /** At most this many identifier paths. */
    static final int MAX_PATHS = 20;
    private static final String METADATA = "metadata.";
    private static final int MAX_KEY = 100;

    private IdentifierPaths() {}

    /**
     * @param node the {@code identifiers} field as sent, may be null
     * @return the identity the paths name; absent, null or empty means the default
     * @throws InvalidRequestException {@code invalid_identifiers} for anything but an array of known
     *     paths ({@code meter_id}, {@code counter_id}, {@code direction}, {@code timestamp},
     *     {@code external_id}, {@code metadata.<key>}), or more than {@value #MAX_PATHS} of them
     */
    static ReadingIdentifiers read(JsonNode node) {
        if (node == null || node.isNull()) {
            return ReadingIdentifiers.DEFAULT;
        }
        if (!node.isArray()) {
            throw invalid("identifiers must be an array of field paths");
        }
        List<String> paths = new ArrayList<>(node.size());
        for (JsonNode p : node) {
            if (!p.isTextual()) {
                throw invalid("identifiers must be strings");
            }
            paths.add(p.textValue());
        }
        return parse(paths);
    }

    /** Reads the paths as strings; see {@link #read}. */
    static ReadingIdentifiers parse(List<String> paths) {
        if (paths.isEmpty()) {
            return ReadingIdentifiers.DEFAULT;
        }
        if (paths.size() > MAX_PATHS) {
            throw invalid("at most " + MAX_PATHS + " identifiers are allowed");
        }
        boolean meterId = false;
        boolean counterId = false;
        boolean direction = false;
        boolean timestamp = false;
        boolean externalId = false;
        List<String> keys = new ArrayList<>();
        for (String p : paths) {
            switch (p) {
                case "meter_id" -> meterId = true;
                case "counter_id" -> counterId = true;
                case "direction" -> direction = true;
                case "timestamp" -> timestamp = true;
                case "external_id" -> externalId = true;
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
        return new ReadingIdentifiers(meterId, counterId, direction, timestamp, externalId, keys);
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(RejectionReason.INVALID_IDENTIFIERS, message);
    }
}
