package io.metering.domain.meter;

import java.util.Optional;
import java.util.UUID;

/** Strict parsing of canonical UUID text (8-4-4-4-12 hex digits), shared by the id types. */
public final class Uuids {
    /** Length of the canonical form. */
    private static final int LENGTH = 36;

    private Uuids() {}

    /**
     * @param text candidate text, may be null
     * @return the UUID, or empty unless the text is a canonical UUID ({@link UUID#fromString} alone
     *     accepts short forms such as {@code 1-1-1-1-1})
     */
    public static Optional<UUID> parse(String text) {
        if (!isCanonical(text)) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    /**
     * Hex digits with dashes at 8, 13, 18 and 23, checked character by character: every id of a
     * request passes here (two per reading of a batch), where a regular expression was a visible
     * share of the request's CPU (docs/benchmarks.md "Steady state and JIT").
     */
    private static boolean isCanonical(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** An ASCII hex digit ({@link Character#digit} would take other scripts' digits too). */
    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
