package io.metering.domain.counter;

import io.metering.domain.code.WireCodes;
import java.util.Optional;

/** Tariff register of a counter: {@code ht} peak (Hochtarif) or {@code nt} off-peak (Niedertarif). */
public enum TariffType {
    HT("ht"),
    NT("nt");

    private final String code;

    TariffType(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    private static final WireCodes<TariffType> BY_CODE = WireCodes.of(values(), t -> t.code);

    /** @return the tariff for a wire value, or empty if unknown */
    public static Optional<TariffType> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
