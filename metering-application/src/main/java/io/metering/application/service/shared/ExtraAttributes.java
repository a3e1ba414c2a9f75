package io.metering.application.service.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** The extra attributes of meters and counters: passed through as sent, a null value removes one. */
public final class ExtraAttributes {
    private ExtraAttributes() {}

    /**
     * @param current the stored attributes
     * @param extras the sent ones, in the order sent
     * @return the attributes after the change, stored ones first in their order
     */
    public static Map<String, Object> over(Map<String, Object> current, Map<String, Object> extras) {
        Map<String, Object> out = new LinkedHashMap<>(current);
        extras.forEach((name, value) -> {
            if (value == null) {
                out.remove(name);
            } else {
                out.put(name, value);
            }
        });
        return out;
    }
}
