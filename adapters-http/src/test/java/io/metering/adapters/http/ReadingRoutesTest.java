package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** createMeterReading, createMeterReadings and getReadingsByInterval over the real app. */
class ReadingRoutesTest {
    @RegisterExtension
    static final TestApp t = new TestApp();
    private Meter meter;
    private Counter counter;

    @BeforeEach
    void freshMeter() {
        t.clock.set(TestApp.START);
        meter = t.powerMeterOf("contact-1");
        counter = t.counter(meter, TestApp.FEED_OUT_KWH);
    }

    private String reading(String value, String timestamp) {
        return TestApp.reading(meter, counter, value, "360", timestamp);
    }

    private Reply write(String value, String timestamp) {
        return t.post("/v1/metering/reading", t.adminToken(), reading(value, timestamp));
    }

    private String series() {
        return "/v1/metering/reading/" + meter.id() + "/" + counter.id();
    }

    private static List<String> values(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("results").forEach(r -> out.add(r.get("value").toString()));
        return out;
    }

    // ------------------------------------------------------------------ createMeterReading

    @Test
    void createsAReadingAndAnswersItInContractShape() {
        Reply r = t.post("/v1/metering/reading", t.adminToken(),
                "{\"meter_id\":\"" + meter.id() + "\",\"value\":1250.50,\"source\":\"360\",\"timestamp\":\"2024-06-01T07:30:00+02:00\","
                        + "\"reason\":\"regular\",\"read_by\":\"Jane\"}");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode data = r.json().get("data");
        assertThat(r.body()).contains("\"value\":1250.5,");
        assertThat(data.get("timestamp").asText()).isEqualTo("2024-06-01T05:30:00.000Z");
        assertThat(data.get("counter_id").asText()).isEqualTo(counter.id().toString());
        assertThat(data.get("direction").asText()).isEqualTo("feed-out");
        assertThat(data.get("source").asText()).isEqualTo("360");
        assertThat(data.get("read_by").asText()).isEqualTo("Jane");
        assertThat(data.has("remark")).as("absent optional fields are left out").isFalse();
        assertThat(data.has("metadata")).isFalse();
    }

    @Test
    void exponentValuesAreWrittenPlain() {
        Reply r = write("1E+3", "2024-06-01T00:00:00Z");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"value\":1000,");
    }

    @Test
    void refusesANumberSentAsString() {
        Reply r = write("\"1250.5\"", "2024-06-01T00:00:00Z");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("reason").asText()).isEqualTo("invalid_value");
    }

    @Test
    void rejectionsCarryTheContractReason() {
        assertThat(write("100", "2024-06-01T00:00:00Z").status()).isEqualTo(200);

        assertReason(write("99", "2024-06-02T00:00:00Z"), 400, "less_than_previous");
        assertReason(write("101", "2024-05-01T00:00:00Z"), 400, "greater_than_subsequent");
        assertReason(write("100", "2024-06-01T00:00:00Z"), 400, "duplicate_reading");
        assertReason(write("200", "2024-06-16T00:00:00Z"), 400, "timestamp_future");
        assertReason(write("-1", "2024-06-03T00:00:00Z"), 400, "negative_value");
        assertReason(write("100", "2024-13-01"), 400, "invalid_timestamp");
    }

    @Test
    void equalValueIsAccepted() {
        assertThat(write("100", "2024-06-01T00:00:00Z").status()).isEqualTo(200);
        assertThat(write("100", "2024-06-02T00:00:00Z").status()).isEqualTo(200);
    }

    @Test
    void decommissionedMeterAndAmbiguousCounterAreRejected() {
        t.counter(meter, Map.of("obis_number", "1-0:2.8.0"));
        Reply noCounter = t.post("/v1/metering/reading", t.adminToken(),
                "{\"meter_id\":\"" + meter.id() + "\",\"value\":1,\"source\":\"360\",\"timestamp\":\"2024-06-01T00:00:00Z\"}");
        assertReason(noCounter, 400, "no_counter");

        t.updateMeter(meter, Map.of("status", "decommissioned", "decommissioned_at", "2024-05-31"));
        assertReason(write("1", "2024-06-01T00:00:00Z"), 400, "meter_decommissioned");
    }

    @Test
    void contractPeriodAndUnderivableDirectionAreRejected() {
        Meter bounded = t.meter(Map.of("sector", "power", "contract_periods", List.of(Map.of("start_date", "2024-01-01", "end_date", "2024-03-31"))));
        t.counter(bounded, Map.of("obis_number", "1-0:1.8.0"));
        Meter vague = t.meter(Map.of("sector", "power"));
        t.counter(vague, Map.of("obis_number", "A-34"));

        assertThat(t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + bounded.id()
                + "\",\"value\":1,\"source\":\"360\",\"timestamp\":\"2024-02-01T00:00:00Z\"}").status()).isEqualTo(200);
        assertReason(t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + bounded.id()
                + "\",\"value\":2,\"source\":\"360\",\"timestamp\":\"2024-05-01T00:00:00Z\"}"), 400, "contract_period");
        assertReason(t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + vague.id()
                + "\",\"value\":1,\"source\":\"360\",\"timestamp\":\"2024-02-01T00:00:00Z\"}"), 400, "no_direction");
    }

    @Test
    void wrongFieldsAnswer400NamingTheProblem() {
        Reply badDirection = t.post("/v1/metering/reading", t.adminToken(),
                "{\"meter_id\":\"" + meter.id() + "\",\"value\":1,\"source\":\"360\",\"direction\":\"sideways\"}");
        assertReason(badDirection, 400, "invalid_parameter");
        assertThat(badDirection.json().get("message").asText()).contains("direction");

        assertReason(t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + meter.id() + "\",\"value\":1,\"source\":\"fax\"}"),
                400, "invalid_parameter");
        assertReason(t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"not-a-uuid\",\"value\":1,\"source\":\"360\"}"),
                400, "invalid_parameter");
        assertReason(t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + meter.id() + "\",\"source\":\"360\"}"),
                400, "missing_params");
        assertReason(t.post("/v1/metering/reading", t.adminToken(),
                "{\"meter_id\":\"" + meter.id() + "\",\"value\":1,\"source\":\"360\",\"reason\":\"because\"}"), 400, "invalid_parameter");
        assertReason(t.post("/v1/metering/reading", t.adminToken(),
                "{\"meter_id\":\"" + meter.id() + "\",\"value\":1,\"source\":\"360\",\"metadata\":{\"a\":{\"b\":1}}}"), 400, "invalid_body");
    }

    @Test
    void aMemberNamedTwiceIsRefusedNotResolvedByTheLastOne() {
        Reply top = t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + meter.id()
                + "\",\"value\":70,\"value\":1,\"source\":\"360\",\"timestamp\":\"2024-06-01T00:00:00Z\"}");
        Reply nested = t.post("/v1/metering/readings", t.adminToken(), "{\"readings\":[{\"meter_id\":\"" + meter.id()
                + "\",\"value\":70,\"source\":\"360\",\"metadata\":{\"a\":\"1\",\"a\":\"2\"}}]}");

        assertReason(top, 400, "invalid_body");
        assertThat(top.json().get("message").asText()).contains("value").contains("twice");
        assertReason(nested, 400, "invalid_body");
        assertThat(t.get(series() + "?size=-1", t.adminToken()).json().get("results")).isEmpty();
    }

    @Test
    void malformedBodiesAnswer400AndWrongContentTypes415() {
        assertReason(t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":"), 400, "invalid_body");
        assertReason(t.post("/v1/metering/reading", t.adminToken(), "[1,2]"), 400, "invalid_body");
        assertReason(t.post("/v1/metering/reading", t.adminToken(), ""), 400, "invalid_body");
        assertReason(t.send("POST", "/v1/metering/reading", t.adminToken(), "text/plain", reading("1", "2024-06-01T00:00:00Z")),
                415, "unsupported_media_type");
        assertReason(t.send("POST", "/v1/metering/reading", t.adminToken(), null, reading("1", "2024-06-01T00:00:00Z")),
                415, "unsupported_media_type");
        assertThat(t.send("POST", "/v1/metering/reading", t.adminToken(), "application/json; charset=utf-8",
                reading("1", "2024-06-01T00:00:00Z")).status()).isEqualTo(200);
    }

    @Test
    void oversizeBodiesAnswer413WhetherDeclaredOrStreamed() {
        String huge = "{\"meter_id\":\"" + meter.id() + "\",\"note\":\"" + "x".repeat((int) TestApp.MAX_BODY) + "\"}";
        assertReason(t.post("/v1/metering/reading", t.adminToken(), huge), 413, "payload_too_large");

        HttpRequest chunked = HttpRequest.newBuilder(URI.create(t.url("/v1/metering/reading")))
                .header("Authorization", "Bearer " + t.adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes())))
                .build();
        assertReason(t.send(chunked), 413, "payload_too_large");
    }

    @Test
    void portalUserWritesOwnMeterButNotAdminOptions() {
        String portal = t.portalToken("contact-1");
        assertThat(t.post("/v1/metering/reading", portal, reading("5", "2024-06-01T00:00:00Z").replace("360", "ECP")).status())
                .isEqualTo(200);
        assertReason(t.post("/v1/metering/reading?direct=true", portal, reading("6", "2024-06-02T00:00:00Z")), 403, "forbidden_option");
        assertReason(t.post("/v1/metering/reading", t.portalToken("contact-2"), reading("7", "2024-06-03T00:00:00Z")), 404, "not_found");
    }

    @Test
    void governedMeterTurnsTheWriteIntoAPendingChangeset() {
        t.updateMeter(meter, Map.of("reading_governance", Map.of("edit_mode", "approval")));

        Reply r = write("42", "2024-06-01T00:00:00Z");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("data").get("value").decimalValue()).isEqualByComparingTo("42");
        JsonNode cs = r.json().get("pending_changesets").get(0);
        assertThat(cs.get("edit_mode").asText()).isEqualTo("approval");
        assertThat(cs.get("proposed").get("value").asInt()).isEqualTo(42);
        assertThat(cs.get("timestamp_tolerance").asText()).isEqualTo("exact");
        Reply page = t.get(series() + "?include_pending_changesets=true", t.adminToken());
        assertThat(page.json().get("hits").asLong()).isZero();
        assertThat(page.json().get("pending_changesets")).hasSize(1);
    }

    // ------------------------------------------------------------------ createMeterReadings

    @Test
    void batchIsAllOrNothingAndNamesTheIndex() {
        String body = "{\"readings\":[" + reading("10", "2024-06-01T00:00:00Z") + "," + reading("5", "2024-06-02T00:00:00Z") + "]}";

        Reply r = t.post("/v1/metering/readings", t.adminToken(), body);

        assertReason(r, 400, "less_than_previous");
        assertThat(r.json().get("message").asText()).startsWith("readings[1]");
        assertThat(t.get(series(), t.adminToken()).json().get("hits").asLong()).isZero();
    }

    @Test
    void batchWritesAndAnswersInRequestOrder() {
        String body = "{\"readings\":[" + reading("10", "2024-06-01T00:00:00Z") + "," + reading("12.25", "2024-06-02T00:00:00Z") + "]}";

        Reply r = t.post("/v1/metering/readings?async=true&create_ticket=false&activity_id=01F130Q52Q6MWSNS8N2AVXV4JN", t.adminToken(), body);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("data")).hasSize(2);
        assertThat(r.json().get("data").get(1).get("value").decimalValue()).isEqualByComparingTo("12.25");
        assertThat(r.json().has("pending_changesets")).isFalse();
    }

    @Test
    void batchFieldErrorsNameTheIndex() {
        String body = "{\"readings\":[" + reading("10", "2024-06-01T00:00:00Z") + "," + reading("\"11\"", "2024-06-02T00:00:00Z") + "]}";

        Reply r = t.post("/v1/metering/readings", t.adminToken(), body);

        assertReason(r, 400, "invalid_value");
        assertThat(r.json().get("message").asText()).startsWith("readings[1]");
    }

    @Test
    void batchRefusesMoreThan100AndEmptyLists() {
        String many = IntStream.range(0, 101).mapToObj(i -> reading(String.valueOf(i), Instant.parse("2024-01-01T00:00:00Z")
                .plus(Duration.ofHours(i)).toString())).collect(Collectors.joining(",", "{\"readings\":[", "]}"));

        assertReason(t.post("/v1/metering/readings", t.adminToken(), many), 400, "too_many_records");
        assertReason(t.post("/v1/metering/readings", t.adminToken(), "{\"readings\":[]}"), 400, "missing_params");
        assertReason(t.post("/v1/metering/readings", t.adminToken(), "{}"), 400, "missing_params");
        assertReason(t.post("/v1/metering/readings", t.adminToken(), "{\"readings\":{}}"), 400, "invalid_body");
    }

    @Test
    void batchIsAdminOnlyAndReadsItsOptionsStrictly() {
        String body = "{\"readings\":[" + reading("10", "2024-06-01T00:00:00Z") + "]}";

        assertReason(t.post("/v1/metering/readings", t.portalToken("contact-1"), body), 403, "forbidden_option");
        assertReason(t.post("/v1/metering/readings?skip_validation=yes", t.adminToken(), body), 400, "invalid_parameter");
    }

    @Test
    void skipValidationLetsAnAdminWriteOutOfOrder() {
        assertThat(write("100", "2024-06-01T00:00:00Z").status()).isEqualTo(200);
        String body = "{\"readings\":[" + reading("50", "2024-06-02T00:00:00Z") + "]}";

        assertThat(t.post("/v1/metering/readings?skip_validation=true", t.adminToken(), body).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ getReadingsByInterval

    @Test
    void relativeValuesAreExactDecimals() {
        write("1250.2", "2024-06-01T00:00:00Z");
        write("1250.3", "2024-06-02T00:00:00Z");

        Reply r = t.get(series() + "?type=relative", t.adminToken());

        assertThat(r.status()).isEqualTo(200);
        assertThat(values(r.json())).containsExactly("0", "0.1");
        assertThat(r.body()).contains("\"value\":0.1,");
        assertThat(values(t.get(series() + "?type=cumulative", t.adminToken()).json())).containsExactly("1250.2", "1250.3");
    }

    @Test
    void relativeValueOfAPageStartUsesTheReadingBeforeThePage() {
        write("100", "2024-06-01T00:00:00Z");
        write("110.5", "2024-06-02T00:00:00Z");
        write("130", "2024-06-03T00:00:00Z");

        JsonNode page = t.get(series() + "?type=relative&size=1&from=1", t.adminToken()).json();

        assertThat(values(page)).containsExactly("10.5");
        assertThat(page.get("hits").asLong()).isEqualTo(3);
        assertThat(page.get("firstRecordCreatedAt").asText()).isEqualTo("2024-06-01T00:00:00.000Z");
    }

    @Test
    void sizeMinusOneReturnsAllAndDefaultIsTwenty() {
        for (int i = 0; i < 25; i++) {
            write(String.valueOf(i), Instant.parse("2024-05-01T00:00:00Z").plus(Duration.ofHours(i)).toString());
        }

        JsonNode all = t.get(series() + "?size=-1", t.adminToken()).json();
        JsonNode first = t.get(series(), t.adminToken()).json();

        assertThat(all.get("results")).hasSize(25);
        assertThat(first.get("results")).hasSize(20);
        assertThat(first.get("hits").asLong()).isEqualTo(25);
        assertThat(first.has("pending_changesets")).as("only when asked").isFalse();
    }

    @Test
    void sortDescReversesTheOrder() {
        write("1", "2024-06-01T00:00:00Z");
        write("2", "2024-06-02T00:00:00Z");
        write("3", "2024-06-03T00:00:00Z");

        assertThat(values(t.get(series() + "?sort=desc", t.adminToken()).json())).containsExactly("3", "2", "1");
        assertThat(values(t.get(series() + "?sort=desc&type=relative", t.adminToken()).json())).containsExactly("1", "1", "0");
    }

    @Test
    void dateOnlyEndDateIncludesTheWholeDayInBerlin() {
        write("1", "2024-03-09T12:00:00Z");
        write("2", "2024-03-10T22:30:00Z"); // 23:30 in Berlin, still March 10th
        write("3", "2024-03-10T23:30:00Z"); // 00:30 on March 11th in Berlin

        JsonNode page = t.get(series() + "?start_date=2024-03-10&end_date=2024-03-10", t.adminToken()).json();

        assertThat(values(page)).containsExactly("2");
    }

    @Test
    void missingTypeMeansCumulativeAndBadParametersAnswer400() {
        write("7.5", "2024-06-01T00:00:00Z");

        assertThat(values(t.get(series(), t.adminToken()).json())).containsExactly("7.5");
        assertReason(t.get(series() + "?type=absolute", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get(series() + "?direction=up", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get(series() + "?size=ten", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get(series() + "?size=-2", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get(series() + "?from=-1", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get(series() + "?sort=up", t.adminToken()), 400, "invalid_parameter");
        assertReason(t.get(series() + "?start_date=yesterday", t.adminToken()), 400, "invalid_timestamp");
        assertReason(t.get(series() + "?start_date=2024-06-02&end_date=2024-06-01", t.adminToken()), 400, "invalid_parameter");
    }

    @Test
    void directionFilterAndUnknownIdsAnswerAsTheContractSays() {
        write("7.5", "2024-06-01T00:00:00Z");

        assertThat(t.get(series() + "?direction=feed-in", t.adminToken()).json().get("hits").asLong()).isZero();
        assertThat(t.get(series() + "?direction=feed-out", t.adminToken()).json().get("hits").asLong()).isEqualTo(1);
        assertReason(t.get("/v1/metering/reading/" + meter.id() + "/not-a-uuid", t.adminToken()), 404, "not_found");
        assertReason(t.get("/v1/metering/reading/" + meter.id() + "/" + java.util.UUID.randomUUID(), t.adminToken()), 404, "not_found");
        assertReason(t.get(series(), t.portalToken("someone-else")), 404, "not_found");
        assertThat(t.get(series(), t.portalToken("contact-1")).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ decisions after the first outside trials
    // (docs/domain.md#decisions-after-the-first-outside-trials)

    @Test
    void aDateOnlyReadingOfTodaysBusinessDateIsNotTheFutureJustAfterMidnight() {
        // 00:30 in Berlin (the app's business zone) on June 16th; the UTC date is still June 15th
        t.clock.set(Instant.parse("2024-06-15T22:30:00Z"));
        Reply r = write("10", "2024-06-16");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertReason(write("11", "2024-06-17"), 400, "timestamp_future");
    }

    @Test
    void anEpochTimestampIsTimestampTooEarly() {
        assertReason(write("0", "1970-01-01T00:00:00Z"), 400, "timestamp_too_early");
    }

    @Test
    void theAllowedRangeOfADecommissionedMeterSaysItIsClosed() {
        assertThat(write("100", "2024-05-01T00:00:00Z").status()).isEqualTo(200);
        JsonNode open = t.get("/v1/metering/allowed/reading/" + meter.id(), t.adminToken()).json().get("data").get(0);
        assertThat(open.has("closed")).isFalse();

        Reply patch = t.patch("/v1/metering/meter/" + meter.id(), t.adminToken(), "{\"status\":\"decommissioned\"}");
        assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
        JsonNode closed = t.get("/v1/metering/allowed/reading/" + meter.id(), t.adminToken()).json().get("data").get(0);
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("decommissioned_at").asText()).isEqualTo("2024-06-15T10:00:00.000Z");
        assertThat(closed.get("min_value").decimalValue()).isEqualByComparingTo("100");

        t.clock.set(Instant.parse("2024-06-15T11:00:00Z"));
        JsonNode later = t.get("/v1/metering/allowed/reading/" + meter.id(), t.adminToken()).json().get("data").get(0);
        assertThat(later.has("max_value")).isFalse();
        assertReason(write("101", "2024-06-15T10:30:00Z"), 400, "meter_decommissioned");
        assertThat(write("100", "2024-06-01T00:00:00Z").status()).as("an admin corrects before the closing").isEqualTo(200);
    }

    static void assertReason(Reply r, int status, String reason) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().get("reason").asText()).as(r.toString()).isEqualTo(reason);
        assertThat(r.json().get("message").asText()).isNotBlank();
    }
}
