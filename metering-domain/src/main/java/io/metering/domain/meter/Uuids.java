package io.metering.domain.meter;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict parsing of canonical UUID text (8-4-4-4-12 hex digits), shared by the id types. */
public final class Uuids {
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}

    /**
     * @param text candidate text, may be null
     * @return the UUID, or empty unless the text is a canonical UUID ({@link UUID#fromString} alone
     *     accepts short forms such as {@code 1-1-1-1-1})
     */
    public static Optional<UUID> parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
