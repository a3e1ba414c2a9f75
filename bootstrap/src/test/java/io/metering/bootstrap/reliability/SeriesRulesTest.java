package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker the concurrency and crash tests rely on finds each kind of broken series. */
class SeriesRulesTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    private static final Map<String, BigDecimal> CAPACITIES = Map.of("rolling", new BigDecimal("100000"));

    @Test
    void aSeriesKeepingEveryRulePasses() {
        List<StoredReading> series = List.of(
                r("c", 0, "10", null, null), r("c", 1, "10", null, null), r("c", 2, "5", "meter_change", null),
                r("c", 3, "7", null, null), r("c", 4, "1", null, "implausible"), r("c", 5, "8", null, null),
                r("rolling", 0, "95000", null, null), r("rolling", 1, "500", null, null));

        assertThat(SeriesRules.violations(series, CAPACITIES, NOW)).isEmpty();
    }

    @Test
    void eachBrokenRuleIsReported() {
        assertThat(SeriesRules.violations(List.of(r("c", 0, "10", null, null), r("c", 1, "9", null, null)), CAPACITIES, NOW))
                .singleElement().asString().contains("below");
        assertThat(SeriesRules.violations(List.of(r("c", 0, "10", null, null), r("c", 0, "10", null, null)), CAPACITIES, NOW))
                .singleElement().asString().contains("duplicate");
        assertThat(SeriesRules.violations(List.of(r("c", 0, "-1", null, null)), CAPACITIES, NOW))
                .singleElement().asString().contains("negative");
        assertThat(SeriesRules.violations(List.of(r("rolling", 0, "100000", null, null)), CAPACITIES, NOW))
                .singleElement().asString().contains("does not fit");
        assertThat(SeriesRules.violations(List.of(r("rolling", 0, "50000", null, null), r("rolling", 1, "500", null, null)),
                CAPACITIES, NOW)).singleElement().asString().contains("below");
        assertThat(SeriesRules.violations(List.of(new StoredReading("m", "c", "feed-out", NOW.plusSeconds(1), BigDecimal.ONE, "ERP",
                null, null, "x")), CAPACITIES, NOW)).singleElement().asString().contains("future");
    }

    private static StoredReading r(String counter, int hour, String value, String reason, String status) {
        return new StoredReading("m", counter, "feed-out", T0.plusSeconds(3600L * hour), new BigDecimal(value), "ERP", reason, status,
                counter + hour);
    }
}
