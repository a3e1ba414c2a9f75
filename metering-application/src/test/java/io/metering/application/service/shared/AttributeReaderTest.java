package io.metering.application.service.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The attribute walk meters and counters share ({@link AttributeReader#apply}). */
class AttributeReaderTest {
    private final List<String> typed = new ArrayList<>();

    private Map<String, Object> apply(Map<String, Object> current, Map<String, Object> attributes) {
        return AttributeReader.apply(attributes, "thing", current, Set.of("_id", "_schema"), (name, v) -> name.equals("size") && typed.add(name));
    }

    private static Map<String, Object> attrs(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void typed_attributes_go_to_the_entity_derived_ones_are_ignored_the_rest_is_kept_over_the_current_ones() {
        Map<String, Object> kept = apply(attrs("old", 1, "gone", 2), attrs("size", 3, "_id", "x", "_schema", "thing", "new", 4));

        assertThat(typed).containsExactly("size");
        assertThat(kept).containsExactly(Map.entry("old", 1), Map.entry("gone", 2), Map.entry("new", 4));
    }

    @Test
    void null_removes_a_kept_attribute() {
        Map<String, Object> sent = new HashMap<>();
        sent.put("gone", null);

        assertThat(apply(attrs("old", 1, "gone", 2), sent)).containsExactly(Map.entry("old", 1));
    }

    @Test
    void another_schema_is_refused() {
        assertThatThrownBy(() -> apply(Map.of(), attrs("_schema", "other")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER))
                .hasMessageContaining("_schema must be 'thing'");
    }

    @Test
    void attribute_names_have_1_to_100_characters() {
        assertThat(apply(Map.of(), attrs("n".repeat(100), 1))).containsOnlyKeys("n".repeat(100));
        assertThatThrownBy(() -> apply(Map.of(), attrs("n".repeat(101), 1)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("attribute names must be 1-100 characters");
        assertThatThrownBy(() -> apply(Map.of(), attrs("", 1)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("attribute names must be 1-100 characters");
    }
}
