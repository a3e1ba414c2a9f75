package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static io.metering.adapters.http.TestApp.js;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.http.auth.JwtSettings;
import io.metering.adapters.http.json.JsonMapping;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.testing.Http.Reply;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Request limits at their boundaries, on the production body limit (4 MiB): the body size (413),
 * the array sizes of the contract (more than 100 readings, more than 10,000 keep ids:
 * {@code too_many_records}) and the JSON parsing limits of {@link JsonMapping} (400
 * {@code invalid_body}). One past each limit is refused with its reason, the limit itself passes.
 */
class RequestLimitsTest {
    private static final long BODY_LIMIT = 4L * 1024 * 1024;
    @RegisterExtension
    static final TestApp t = new TestApp(JwtSettings.of(TestApp.SECRET, TestApp.ISSUER, TestApp.AUDIENCE), UnaryOperator.identity(), BODY_LIMIT);
    private static String admin;
    private static Meter meter;
    private static Counter counter;

    @BeforeAll
    static void start() {
        admin = t.adminToken();
        meter = t.powerMeterOf("contact-1");
        counter = t.counter(meter, TestApp.FEED_OUT);
    }

    @Test
    void aBodyOverTheSizeLimitAnswers413() {
        String huge = js("{'sector':'power','note':'" + "x".repeat((int) BODY_LIMIT) + "'}");

        assertReason(t.post("/v1/metering/admin/meters", admin, huge), 413, "payload_too_large");
        assertReason(t.post("/v2/metering/readings/prune", admin, huge), 413, "payload_too_large");
    }

    @Test
    void moreThan100ReadingsAnswerTooManyRecordsOnEveryBatchOperation() {
        String portal = t.portalToken("contact-1");

        assertReason(t.post("/v1/metering/readings", admin, js("{'readings':[" + readings(101, true) + "]}")), 400, "too_many_records");
        assertReason(t.post("/v1/metering/readings/" + meter.id(), portal, js("{'readings':[" + readings(101, true) + "]}")), 400,
                "too_many_records");
        assertReason(t.post("/v2/metering/readings", admin, js("{'readings':[" + readings(101, false) + "]}")), 400, "too_many_records");
        String entries = IntStream.range(0, 101).mapToObj(i -> "{'meterId':'" + meter.id() + "','meterType':'one_tariff','readingValue':"
                + i + ",'readingDate':'2024-05-" + String.format("%02d", 1 + i % 28) + "T" + String.format("%02d", i / 28) + ":00:00Z'}")
                .collect(Collectors.joining(","));
        assertReason(t.post("/v1/metering/reading/submission", admin, js("{'entity':{'meterReadings':[" + entries + "]}}")), 400,
                "too_many_records");

        Reply hundred = t.post("/v1/metering/readings", admin, js("{'readings':[" + readings(100, true) + "]}"));
        assertThat(hundred.status()).as(hundred.toString()).isEqualTo(200);
    }

    @Test
    void moreThan10000KeepIdsAnswerTooManyRecords() {
        assertReason(prune(10_001), 400, "too_many_records");
        assertThat(prune(10_000).status()).isEqualTo(200);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        Reply tooDeep = createMeterWith("'deep':" + nested(JsonMapping.MAX_NESTING_DEPTH)); // plus the body's own object
        assertLimit(tooDeep, "nesting depth");
        assertThat(createMeterWith("'deep':" + nested(JsonMapping.MAX_NESTING_DEPTH - 1)).status()).isEqualTo(201);
    }

    @Test
    void numbersStringsAndNamesLongerThanTheLimitsAreRefused() {
        assertLimit(createMeterWith("'n':1" + "0".repeat(JsonMapping.MAX_NUMBER_LENGTH)), "Number value length");
        // the parser lets it through; the attribute rules may still find it too big (invalid_value)
        assertThat(createMeterWith("'n':1" + "0".repeat(JsonMapping.MAX_NUMBER_LENGTH - 1)).json().path("reason").asText())
                .isNotEqualTo("invalid_body");

        assertLimit(createMeterWith("'s':'" + "x".repeat(JsonMapping.MAX_STRING_LENGTH + 1) + "'"), "String value length");
        assertThat(createMeterWith("'s':'" + "x".repeat(JsonMapping.MAX_STRING_LENGTH) + "'").status()).isEqualTo(201);

        // nested, since the meter's own attribute names are shorter by rule
        assertLimit(createMeterWith("'extra':{'" + "k".repeat(JsonMapping.MAX_NAME_LENGTH + 1) + "':1}"), "Name length");
        assertThat(createMeterWith("'extra':{'" + "k".repeat(JsonMapping.MAX_NAME_LENGTH) + "':1}").status()).isEqualTo(201);
    }

    @Test
    void bodiesOfTooManyValuesAreRefusedBeforeATreeIsBuilt() {
        String values = IntStream.range(0, (int) JsonMapping.MAX_TOKEN_COUNT).mapToObj(i -> "0").collect(Collectors.joining(","));

        assertLimit(t.post("/v2/metering/readings/prune", admin, js("{'meter_id':'" + meter.id() + "','keep_external_ids':[" + values
                + "]}")), "Token count");
    }

    private static void assertLimit(Reply r, String limit) {
        assertReason(r, 400, "invalid_body");
        assertThat(r.json().get("message").asText()).contains(limit);
    }

    private static Reply createMeterWith(String member) {
        return t.post("/v1/metering/admin/meters", admin, js("{'sector':'power'," + member + "}"));
    }

    /** {@code depth} nested arrays around a 1. */
    private static String nested(int depth) {
        return "[".repeat(depth) + "1" + "]".repeat(depth);
    }

    private static Reply prune(int keepIds) {
        String keep = IntStream.range(0, keepIds).mapToObj(i -> "'k" + i + "'").collect(Collectors.joining(","));
        return t.post("/v2/metering/readings/prune", admin, js("{'meter_id':'" + meter.id() + "','keep_external_ids':[" + keep + "]}"));
    }

    /** n readings of the counter, a day apart each, v1 shape or v2 create items. */
    private static String readings(int n, boolean v1) {
        return IntStream.range(0, n).mapToObj(i -> "{" + (v1 ? "" : "'operation':'create',") + "'meter_id':'" + meter.id()
                + "','counter_id':'" + counter.id() + "','source':'360','value':" + (1000 + i) + ",'timestamp':'"
                + java.time.Instant.parse("2023-01-01T00:00:00Z").plusSeconds(86_400L * i + (v1 ? 0 : 3600)) + "'}")
                .collect(Collectors.joining(","));
    }
}
