package io.metering.domain.governance;

import io.metering.domain.code.WireCodes;
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

    private static final WireCodes<EditMode> BY_CODE = WireCodes.of(values(), m -> m.code);

    /** @return the mode for a wire value, or empty if unknown */
    public static Optional<EditMode> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
