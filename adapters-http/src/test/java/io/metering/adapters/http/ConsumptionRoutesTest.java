package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /v1/metering/consumption/{meter_id}/{counter_id}}: exact JSON, reach, parameters. */
class ConsumptionRoutesTest {
    @RegisterExtension
    static final TestApp t = TestApp.withAnalytics();
    private String contact;
    private Meter meter;
    private Counter gas;

    @BeforeEach
    void seed() {
        contact = "contact-" + UUID.randomUUID();
        meter = t.meter(Map.of("sector", "gas", "customer", TestApp.relation(contact, "contact")));
        gas = t.counter(meter, Map.of("obis_number", "7-0:3.0.0", "unit", "m3", "conversion_factor", new BigDecimal("10.5")));
        // midnight in Berlin on January 1st, February 1st and March 1st 2024
        Reply r = t.post("/v1/metering/readings", t.adminToken(), TestApp.js("{'readings':["
                + "{'meter_id':'" + meter.id() + "','value':1000.000,'source':'ERP','timestamp':'2023-12-31T23:00:00Z'},"
                + "{'meter_id':'" + meter.id() + "','value':1150.500,'source':'ERP','timestamp':'2024-01-31T23:00:00Z'},"
                + "{'meter_id':'" + meter.id() + "','value':1290.250,'source':'ERP','timestamp':'2024-02-29T23:00:00Z'}]}"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private String path(String query) {
        return "/v1/metering/consumption/" + meter.id() + "/" + gas.id() + "?" + query;
    }

    @Test
    void monthsWithExactNumbersInterpolationFlagsAndPeriodsWithoutValue() {
        Reply r = t.get(path("interval=month&start_date=2024-01-01&end_date=2024-03-31"), t.adminToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode d = r.json().get("data");
        assertThat(d.get("meter_id").asText()).isEqualTo(meter.id().toString());
        assertThat(d.get("counter_id").asText()).isEqualTo(gas.id().toString());
        assertThat(d.get("direction").asText()).isEqualTo("feed-out");
        assertThat(d.get("interval").asText()).isEqualTo("month");
        assertThat(d.get("time_zone").asText()).isEqualTo("Europe/Berlin");
        assertThat(d.get("start").asText()).isEqualTo("2023-12-31T23:00:00.000Z");
        assertThat(d.get("end").asText()).isEqualTo("2024-03-31T22:00:00.000Z");
        assertThat(d.get("unit").asText()).isEqualTo("m3");
        assertThat(d.get("energy_factor").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(d.get("periods")).hasSize(3);
        // exact decimals on the wire: plain numbers, no exponent, no trailing zeros
        assertThat(r.body()).contains("{\"start\":\"2023-12-31T23:00:00.000Z\",\"end\":\"2024-01-31T23:00:00.000Z\","
                + "\"start_value\":1000,\"end_value\":1150.5,\"start_interpolated\":false,\"end_interpolated\":false,"
                + "\"consumption\":150.5,\"energy\":1580.25,\"decreasing\":false}");
        JsonNode march = d.get("periods").get(2);
        assertThat(march.get("start_value").decimalValue()).isEqualByComparingTo("1290.25");
        assertThat(march.get("end_value").isNull()).as("no reading after March 1st").isTrue();
        assertThat(march.get("end_interpolated").isNull()).isTrue();
        assertThat(march.get("consumption").isNull()).isTrue();
        assertThat(march.get("energy").isNull()).isTrue();
        assertThat(r.body()).contains("\"total\":{\"consumption\":290.25,\"energy\":3047.625,\"periods_without_value\":1}");
    }

    @Test
    void aDecreaseStoredWithSkipValidationCountsAsNegativeAndIsFlaggedNeverInventsConsumption() {
        // midnight in Berlin on March 2nd, 3rd and 4th; 1100 is below 1300 and only skip_validation stores it
        Reply w = t.post("/v1/metering/readings?skip_validation=true", t.adminToken(), TestApp.js("{'readings':["
                + "{'meter_id':'" + meter.id() + "','value':1300,'source':'ERP','timestamp':'2024-03-01T23:00:00Z'},"
                + "{'meter_id':'" + meter.id() + "','value':1100,'source':'ERP','timestamp':'2024-03-02T23:00:00Z'},"
                + "{'meter_id':'" + meter.id() + "','value':1310,'source':'ERP','timestamp':'2024-03-03T23:00:00Z'}]}"));
        assertThat(w.status()).as(w.toString()).isEqualTo(200);

        Reply r = t.get(path("interval=day&start_date=2024-03-01&end_date=2024-03-03"), t.adminToken());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode days = r.json().get("data").get("periods");
        assertThat(days.get(0).get("consumption").decimalValue()).isEqualByComparingTo("9.75");
        assertThat(days.get(0).get("decreasing").asBoolean()).isFalse();
        assertThat(days.get(1).get("consumption").decimalValue()).isEqualByComparingTo("-200");
        assertThat(days.get(1).get("decreasing").asBoolean()).isTrue();
        assertThat(days.get(2).get("consumption").decimalValue()).isEqualByComparingTo("210");
        assertThat(days.get(2).get("decreasing").asBoolean()).isFalse();
        // the register moved 1290.25 -> 1310: the same as the relative values add up to
        assertThat(r.json().get("data").get("total").get("consumption").decimalValue()).isEqualByComparingTo("19.75");
        Reply relative = t.get("/v1/metering/reading/" + meter.id() + "/" + gas.id()
                + "?type=relative&start_date=2024-03-02&end_date=2024-03-04&size=-1", t.adminToken());
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (JsonNode reading : relative.json().get("results")) {
            sum = sum.add(reading.get("value").decimalValue());
        }
        assertThat(sum).as(relative.toString()).isEqualByComparingTo("19.75");
    }

    @Test
    void interpolatedBoundariesInAnotherTimeZone() {
        Reply r = t.get(path("interval=day&start_date=2024-02-01&end_date=2024-02-01&time_zone=UTC"), t.adminToken());

        JsonNode day = r.json().get("data").get("periods").get(0);
        // February: 139.75 over 29 days; 1 h of it before 2024-02-01T00:00Z, 24 h inside
        assertThat(day.get("start_value").decimalValue()).isEqualByComparingTo("1150.70079");
        assertThat(day.get("start_interpolated").asBoolean()).isTrue();
        assertThat(day.get("end_value").decimalValue()).isEqualByComparingTo("1155.519756");
        assertThat(day.get("consumption").decimalValue()).isEqualByComparingTo("4.818966");
        assertThat(r.json().get("data").get("time_zone").asText()).isEqualTo("UTC");
    }

    @Test
    void aBillingPeriodIsTheDefaultInterval() {
        Reply r = t.get(path("start_date=2024-01-01T00:00:00%2B01:00&end_date=2024-03-01T00:00:00%2B01:00"), t.portalToken(contact));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("data").get("interval").asText()).isEqualTo("period");
        assertThat(r.json().get("data").get("periods")).hasSize(1);
        assertThat(r.json().get("data").get("total").get("consumption").decimalValue()).isEqualByComparingTo("290.25");
    }

    @Test
    void withoutAValidToken401AndBothTokenKindsAreAdmitted() {
        assertReason(t.get(path("start_date=2024-01-01&end_date=2024-01-31"), null), 401, "unauthorized");
        assertReason(t.get(path("start_date=2024-01-01&end_date=2024-01-31"), "not-a-jwt"), 401, "unauthorized");
        assertThat(t.get(path("start_date=2024-01-01&end_date=2024-01-31"), t.portalToken(contact)).status()).isEqualTo(200);
    }

    @Test
    void outsideTheCallersReach404() {
        String q = "start_date=2024-01-01&end_date=2024-01-31";
        assertReason(t.get(path(q), t.portalToken("someone-else")), 404, "not_found");
        assertReason(t.get(path(q), t.adminToken(TestApp.OTHER_ORG)), 404, "not_found");
        assertReason(t.get("/v1/metering/consumption/" + UUID.randomUUID() + "/" + gas.id() + "?" + q, t.adminToken()), 404, "not_found");
        assertReason(t.get("/v1/metering/consumption/not-a-uuid/" + gas.id() + "?" + q, t.adminToken()), 404, "not_found");
        Meter other = t.meter(Map.of("sector", "gas"));
        assertReason(t.get("/v1/metering/consumption/" + other.id() + "/" + gas.id() + "?" + q, t.adminToken()), 404, "not_found");
    }

    @Test
    void badParameters400() {
        String admin = t.adminToken();
        assertReason(t.get(path("end_date=2024-01-31"), admin), 400, "missing_params");
        assertReason(t.get(path("start_date=2024-01-01"), admin), 400, "missing_params");
        assertReason(t.get(path("interval=hour&start_date=2024-01-01&end_date=2024-01-31"), admin), 400, "invalid_parameter");
        assertReason(t.get(path("start_date=2024-02-01&end_date=2024-01-01"), admin), 400, "invalid_parameter");
        assertReason(t.get(path("interval=day&start_date=2020-01-01&end_date=2023-01-01"), admin), 400, "invalid_parameter");
        assertReason(t.get(path("start_date=2024-01-01&end_date=2024-01-31&time_zone=Mars/Olympus"), admin), 400, "invalid_parameter");
        assertReason(t.get(path("start_date=2024-01-01&end_date=2024-01-31&direction=sideways"), admin), 400, "invalid_parameter");
        assertReason(t.get(path("start_date=2024-02-30&end_date=2024-03-31"), admin), 400, "invalid_timestamp");
    }

    @Test
    void csvOnRequestWithTheJsonAnswersValues() {
        String query = path("interval=month&start_date=2023-12-01&end_date=2024-03-31");
        JsonNode json = t.get(query, t.adminToken()).json().get("data");

        Reply csv = t.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.url(query)))
                .header("Authorization", "Bearer " + t.adminToken()).header("Accept", "text/csv, application/json;q=0.5").GET().build());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("meter_id,counter_id,direction,unit,start,end,start_value,end_value,start_interpolated,"
                + "end_interpolated,consumption,energy,decreasing,prorated,incomplete,overlapping");
        assertThat(lines).hasSize(1 + json.get("periods").size());
        for (int i = 0; i < json.get("periods").size(); i++) {
            JsonNode p = json.get("periods").get(i);
            String[] f = lines[i + 1].split(",", -1);
            assertThat(f[0]).isEqualTo(meter.id().toString());
            assertThat(f[3]).isEqualTo("m3");
            assertThat(f[4]).isEqualTo(p.get("start").asText());
            assertThat(f[6]).isEqualTo(p.get("start_value").isNull() ? "" : p.get("start_value").asText());
            assertThat(f[10]).isEqualTo(p.get("consumption").isNull() ? "" : p.get("consumption").asText());
            assertThat(f[11]).isEqualTo(p.get("energy").isNull() ? "" : p.get("energy").asText());
            assertThat(f[12]).isEqualTo(p.get("decreasing").asText());
        }
        assertThat(lines[1].split(",", -1)[10]).as("December has no reading before it").isEmpty();
        assertThat(lines[2].split(",", -1)[10]).isEqualTo("150.5");
        assertThat(t.get(query, t.adminToken()).headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    }
}
