package io.metering.adapters.persistence.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attribute maps survive JSON text with every number exact, digits and scale alike. */
class JsonValuesTest {
    @Test
    void numbersStayExactDecimals() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scaled", new BigDecimal("1.50"));
        map.put("tiny", new BigDecimal("0.000000010"));
        map.put("huge", new BigDecimal("123456789012345678901234567890.000000000001"));
        map.put("integral", new BigDecimal("42"));

        String text = JsonValues.writeMap(map);

        assertThat(text).isEqualTo("{\"scaled\":1.50,\"tiny\":0.000000010,\"huge\":123456789012345678901234567890.000000000001,"
                + "\"integral\":42}");
        assertThat(JsonValues.readMap(text)).isEqualTo(map);
        assertThat(JsonValues.readMap("{\"a\":0.1}").get("a")).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void otherJavaNumbersBecomeDecimals() {
        assertThat(JsonValues.readMap(JsonValues.writeMap(Map.of("i", 7, "l", 8L, "d", 0.1))))
                .isEqualTo(Map.of("i", new BigDecimal("7"), "l", new BigDecimal("8"), "d", new BigDecimal("0.1")));
    }

    @Test
    void nestedValuesAndNullsRoundTrip() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("none", null);
        nested.put("list", Arrays.asList("x", true, null, List.of(new BigDecimal("-3.0"))));
        Map<String, Object> map = Map.of("nested", nested, "empty", Map.of(), "text", "ä \"quoted\"");

        assertThat(JsonValues.readMap(JsonValues.writeMap(map))).isEqualTo(map);
        assertThat(JsonValues.readMap(null)).isEmpty();
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> JsonValues.writeMap(Map.of("when", java.time.Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValues.readMap("[1]")).isInstanceOf(IllegalStateException.class);
    }
}
