package io.metering.domain.counter;

import java.util.Objects;

/**
 * A counter's {@code unit}: free text in the contract (schema {@code Unit}, a deprecated string
 * without codes), so it is stored and answered exactly as sent and never converts a value. Where a
 * rule asks whether two counters count in the same unit (the meter pace of plausibility, a unit
 * replaced under stored readings), surrounding white space and a blank text carry no meaning:
 * {@code " kWh"} is {@code kWh}, {@code ""} is no unit. Case does: {@code MWh} is not {@code mWh}
 * (docs/domain.md#counter-register).
 */
public final class UnitLabel {
    private UnitLabel() {}

    /**
     * @param unit a unit as stored, may be null
     * @return the unit without surrounding white space, null when none or blank
     */
    public static String meaning(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        return unit.strip();
    }

    /** Whether the two texts name the same unit (both none counts as the same). */
    public static boolean same(String a, String b) {
        return Objects.equals(meaning(a), meaning(b));
    }
}
