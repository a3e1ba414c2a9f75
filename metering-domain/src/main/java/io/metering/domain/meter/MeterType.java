package io.metering.domain.meter;

import io.metering.domain.code.WireCodes;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The device type of a meter (contract schema {@code Meter.meter_type}). */
public enum MeterType {
    THREE_PHASE_METER("three-phase-meter"),
    BELLOW_GAS_METER("bellow-gas-meter"),
    ROTARY_PISTON_METER("rotary-piston-meter"),
    SMART_METER("smart-meter"),
    PERFORMANCE_METER("performance-meter"),
    MAXIMUM_METER("maximum-meter"),
    TURBINE_GAS_METER("turbine-gas-meter"),
    ULTRASONIC_GAS_METER("ultrasonic-gas-meter"),
    ALTERNATING_CURRENT_METER("alternating-current-meter"),
    MODERN_METERING_SYSTEM("modern-metering-system"),
    INTELLIGENT_MEASURING_SYSTEM("intelligent-measuring-system"),
    ELECTRONIC_METER("electronic-meter");

    private final String code;

    MeterType(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    /** The wire values, comma-separated in the contract's order: for messages naming the allowed ones. */
    public static String codes() {
        return Arrays.stream(values()).map(MeterType::code).collect(Collectors.joining(", "));
    }

    private static final WireCodes<MeterType> BY_CODE = WireCodes.of(values(), s -> s.code);

    /** @return the type for a wire value, or empty if unknown */
    public static Optional<MeterType> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
