package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.consumption.Period;
import io.metering.domain.counter.Counter;
import io.metering.domain.loadprofile.IntervalQuality;
import io.metering.domain.loadprofile.IntervalValue;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /v1/metering/interval-values/{meter_id}/{counter_id}}: exact values, reach, span, and consumption from them. */
class IntervalValueRoutesTest {
    @RegisterExtension
    static final TestApp t = new TestApp();
    private String contact;
    private Meter meter;
    private Counter counter;

    @BeforeEach
    void seed() {
        contact = "contact-" + UUID.randomUUID();
        meter = t.meter(Map.of("sector", "power", "customer", TestApp.relation(contact, "contact")));
        counter = t.counter(meter, Map.of("obis_number", "1-1:1.29.0", "direction", "feed-out", "unit", "kWh"));
        Instant t0 = Instant.parse("2024-05-31T22:00:00Z"); // midnight in Berlin
        List<IntervalValue> values = List.of(
                new IntervalValue(counter.id(), t0, t0.plusSeconds(900), new BigDecimal("0.125"), IntervalQuality.TRUE_VALUE, "m-1"),
                new IntervalValue(counter.id(), t0.plusSeconds(900), t0.plusSeconds(1800), new BigDecimal("0.1"), IntervalQuality.SUBSTITUTE,
                        "m-1"),
                new IntervalValue(counter.id(), t0.plusSeconds(86_400 - 600), t0.plusSeconds(86_400 + 300), new BigDecimal("0.3"),
                        IntervalQuality.TRUE_VALUE, "m-1"));
        t.intervals.replace(meter.org(), counter.id(), new Period(t0, t0.plusSeconds(86_400 + 300)), values);
    }

    private String path(String query) {
        return "/v1/metering/interval-values/" + meter.id() + "/" + counter.id() + "?" + query;
    }

    @Test
    void listsTheValuesExactlyForAdminsAndTheOwner() {
        Reply r = t.get(path("start_date=2024-06-01&end_date=2024-06-01"), t.portalToken(contact));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode values = r.json().at("/data/values");
        assertThat(values).hasSize(3).as("the last one overlaps the day's end");
        assertThat(r.body()).contains("{\"start\":\"2024-05-31T22:00:00.000Z\",\"end\":\"2024-05-31T22:15:00.000Z\",\"value\":0.125,"
                + "\"quality\":\"true_value\",\"source\":\"m-1\"}");
        assertThat(values.get(1).get("quality").asText()).isEqualTo("substitute");
        assertThat(t.get(path("start_date=2024-06-01&end_date=2024-06-01"), t.portalToken("someone-else")).status()).isEqualTo(404);
        assertThat(t.get(path("start_date=2024-06-01&end_date=2024-06-01"), t.adminToken("other-org")).status()).isEqualTo(404);
    }

    @Test
    void refusesEmptyAndTooLongSpans() {
        assertThat(t.get(path("start_date=2024-06-02&end_date=2024-06-01"), t.adminToken()).json().get("reason").asText())
                .isEqualTo("invalid_parameter");
        assertThat(t.get(path("start_date=2023-01-01&end_date=2024-06-01"), t.adminToken()).status()).isEqualTo(400);
        assertThat(t.get(path("start_date=2024-06-01"), t.adminToken()).json().get("reason").asText()).isEqualTo("missing_params");
    }

    @Test
    void consumptionCountsTheValuesSplittingTheOneThatCrossesMidnight() {
        Reply r = t.get("/v1/metering/consumption/" + meter.id() + "/" + counter.id() + "?interval=day&start_date=2024-06-01"
                + "&end_date=2024-06-02", t.adminToken());

        JsonNode d = r.json().get("data");
        assertThat(d.get("basis").asText()).isEqualTo("interval_values");
        JsonNode first = d.get("periods").get(0);
        // 0.125 + 0.1 + two thirds of 0.3 (ten of its fifteen minutes)
        assertThat(first.get("consumption").decimalValue()).isEqualByComparingTo("0.425");
        assertThat(first.get("prorated").asBoolean()).isTrue();
        assertThat(first.get("incomplete").asBoolean()).isTrue();
        assertThat(first.get("start_value").isNull()).isTrue();
        JsonNode second = d.get("periods").get(1);
        assertThat(second.get("consumption").decimalValue()).isEqualByComparingTo("0.1");
        assertThat(d.at("/total/consumption").decimalValue()).isEqualByComparingTo("0.525");
    }
}
