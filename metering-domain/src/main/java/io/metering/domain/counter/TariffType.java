package io.metering.domain.counter;

import java.util.Arrays;
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

    /** @return the tariff for a wire value, or empty if unknown */
    public static Optional<TariffType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
