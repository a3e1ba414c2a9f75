package io.metering.domain.meter;

import io.metering.domain.code.WireCodes;
import java.util.Optional;

/** The resource a meter measures (contract schema {@code Meter.sector}). */
public enum Sector {
    POWER("power", false),
    WATER("water", true),
    GAS("gas", true),
    DISTRICT_HEATING("district_heating", true),
    WASTE_WATER("waste_water", true);

    private final String code;
    private final boolean consumptionOnly;

    Sector(String code, boolean consumptionOnly) {
        this.code = code;
        this.consumptionOnly = consumptionOnly;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    /**
     * Whether meters of this sector only ever measure consumption, so a reading without a direction
     * is {@code feed-out} (docs/domain.md#writing-readings). Power may be fed in, so it is not.
     */
    public boolean consumptionOnly() {
        return consumptionOnly;
    }

    private static final WireCodes<Sector> BY_CODE = WireCodes.of(values(), s -> s.code);

    /** @return the sector for a wire value, or empty if unknown */
    public static Optional<Sector> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
