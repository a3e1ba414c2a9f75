package io.metering.adapters.persistence.json;

import java.util.Optional;
import java.util.function.Function;

/** Decoding of the wire codes the domain's enums are stored as. */
public final class Codes {
    private Codes() {}

    /**
     * @param lookup the enum's {@code fromCode}
     * @param code the stored code, may be null
     * @param what the column or field, for the message
     * @return the constant, or null for a null code
     * @throws IllegalStateException if the stored code is unknown (the schema and the domain disagree)
     */
    public static <E> E decode(Function<String, Optional<E>> lookup, String code, String what) {
        if (code == null) {
            return null;
        }
        return lookup.apply(code).orElseThrow(() -> new IllegalStateException("stored " + what + " '" + code + "' is unknown"));
    }
}
