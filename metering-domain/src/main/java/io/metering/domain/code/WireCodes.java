package io.metering.domain.code;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The constants of one enum by their wire code, for the enums' {@code fromCode} look-ups: one hash
 * probe instead of a stream over {@code values()}, because those look-ups run for every item of
 * every write (docs/benchmarks.md, "Steady state: the warm-up"). Codes are compared exactly, as
 * sent; an unknown or absent code finds nothing.
 *
 * @param <E> the enum
 */
public final class WireCodes<E extends Enum<E>> {
    private final Map<String, E> byCode;

    private WireCodes(Map<String, E> byCode) {
        this.byCode = byCode;
    }

    /**
     * @param values the enum's constants, in declaration order
     * @param code each constant's wire code; where two share one, the first declared is found
     */
    public static <E extends Enum<E>> WireCodes<E> of(E[] values, Function<E, String> code) {
        Objects.requireNonNull(code, "code");
        Map<String, E> byCode = new HashMap<>();
        for (E value : values) {
            byCode.putIfAbsent(Objects.requireNonNull(code.apply(value), "code"), value);
        }
        return new WireCodes<>(Collections.unmodifiableMap(byCode));
    }

    /** @return the constant with this wire code, or empty if none has it (also for {@code null}) */
    public Optional<E> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }
}
