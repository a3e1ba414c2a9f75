package io.metering.domain.governance;

import java.util.Arrays;
import java.util.Optional;

/**
 * How governed readings of a meter are confirmed (docs/domain.md#changesets): by an external system of
 * record ({@code external}) or by an admin's approval ({@code approval}).
 */
public enum EditMode {
    EXTERNAL("external"),
    APPROVAL("approval");

    private final String code;

    EditMode(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    /** @return the mode for a wire value, or empty if unknown */
    public static Optional<EditMode> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
