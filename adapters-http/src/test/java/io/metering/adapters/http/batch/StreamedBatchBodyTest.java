package io.metering.adapters.http.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.metering.adapters.http.json.JsonMapping;
import io.metering.adapters.http.json.StorableText;
import io.metering.application.port.in.batch.BatchItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The streamed batch body against the tree route it stands in for: whenever it takes a body, the
 * tree route takes it too and binds the same request with the same omitted fields; every other body
 * is left to the tree route, which alone refuses.
 */
class StreamedBatchBodyTest {
    private static final ObjectMapper MAPPER = JsonMapping.create();
    private static final ObjectReader TREES = MAPPER.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** What the tree route binds: the request and each item's omitted fields. */
    private record Bound(BatchWriteRequest request, List<Set<BatchItem.Field>> omitted) {}

    /** The tree route's reading (JsonBody.tree, read and BatchRoutes.omitted); empty where it refuses the body. */
    private static Optional<Bound> tree(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json.getBytes(StandardCharsets.UTF_8));
            if (tree == null || tree.isMissingNode() || StorableText.problem(tree).isPresent() || !tree.isObject()) {
                return Optional.empty();
            }
            BatchWriteRequest request = MAPPER.treeToValue(tree, BatchWriteRequest.class);
            List<Set<BatchItem.Field>> omitted = new ArrayList<>();
            if (request.readings() != null) {
                for (int i = 0; i < request.readings().size(); i++) {
                    omitted.add(BatchRoutes.omitted(tree.path("readings").path(i)));
                }
            }
            return Optional.of(new Bound(request, omitted));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The streamed reading as JsonBody.streamed runs it: the whole body, nothing after it. */
    private static Optional<Bound> streamed(String json) {
        try (JsonParser p = MAPPER.createParser(json.getBytes(StandardCharsets.UTF_8))) {
            Optional<StreamedBatchBody> read = StreamedBatchBody.read(p, TREES);
            return read.isPresent() && p.nextToken() == null
                    ? Optional.of(new Bound(read.get().request(), read.get().omitted())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static final List<String> NAMES = List.of("operation", "meter_id", "counter_id", "direction", "timestamp", "value",
            "source", "reason", "read_by", "status", "external_id", "remark", "note", "unit", "metadata", "extra", "meterId");

    private static final List<String> VALUES = List.of("\"create\"", "\"2024-01-01T00:00:00Z\"", "null", "12", "12.50", "1e3",
            "-0.0", "123456789012345678901234567890", "true", "[]", "{}", "{\"k\":\"v\"}", "{\"k\":1}", "{\"k\":null}",
            "\"a\\u0000b\"", "\"\\ud800\"", "\"\\ud83d\\ude00\"", "{\"\\u0000\":\"v\"}", "\"\"", "[\"x\"]");

    /** A body built from choices: items of members and values from the palettes above, sometimes odd at the top level. */
    private static String body(List<Integer> choices) {
        StringBuilder sb = new StringBuilder("{");
        int top = choices.isEmpty() ? 0 : choices.get(0) % 8;
        if (top == 1) {
            sb.append("\"identifiers\":[\"meter_id\",\"timestamp\"],");
        } else if (top == 2) {
            sb.append("\"identifiers\":null,");
        } else if (top == 3) {
            sb.append("\"other\":1,");
        }
        sb.append("\"readings\":");
        if (top == 4) {
            sb.append("null}");
            return sb.toString();
        }
        sb.append('[');
        boolean firstItem = true;
        int k = 1;
        while (k < choices.size()) {
            int members = choices.get(k++) % 6;
            sb.append(firstItem ? "" : ",");
            firstItem = false;
            if (members == 5) {
                sb.append("null");
                continue;
            }
            sb.append('{');
            for (int m = 0; m < members && k < choices.size(); m++, k++) {
                int c = choices.get(k);
                sb.append(m == 0 ? "" : ",").append('"').append(NAMES.get(c % NAMES.size())).append("\":")
                        .append(VALUES.get((c / NAMES.size()) % VALUES.size()));
            }
            sb.append('}');
        }
        sb.append(']');
        if (top == 5) {
            sb.append(",\"identifiers\":[\"external_id\"]");
        }
        sb.append('}');
        if (top == 6) {
            sb.append(" {}");
        }
        return sb.toString();
    }

    @Test
    void aStreamedBodyIsBoundExactlyAsTheTreeRouteBindsIt() {
        qt().withExamples(3000).forAll(lists().of(integers().between(0, 100_000)).ofSizeBetween(0, 30)).checkAssert(choices -> {
            String json = body(choices);
            Optional<Bound> streamed = streamed(json);
            if (streamed.isPresent()) {
                assertThat(tree(json)).as(json).contains(streamed.get());
            }
        });
    }

    @Test
    void theBenchmarksBodyIsStreamedAndBoundAsTheTreeRouteBindsIt() {
        StringBuilder sb = new StringBuilder("{\"readings\":[");
        for (int i = 0; i < 100; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"operation\":\"create\",\"meter_id\":\"m\",\"counter_id\":\"c\",\"direction\":")
                    .append("\"feed-out\",\"timestamp\":\"2024-01-01T").append(String.format("%02d", i % 24))
                    .append(":00:00Z\",\"value\":").append(i).append(".25,\"source\":\"ERP\",\"note\":null,\"metadata\":{\"k\":\"v\"}}");
        }
        String json = sb.append("]}").toString();

        Optional<Bound> streamed = streamed(json);

        assertThat(streamed).isPresent();
        assertThat(streamed).isEqualTo(tree(json));
        assertThat(streamed.get().request().readings().get(3).value().decimalValue()).isEqualByComparingTo("3.25");
        assertThat(streamed.get().omitted().get(0)).doesNotContain(BatchItem.Field.NOTE, BatchItem.Field.METADATA)
                .contains(BatchItem.Field.REMARK);
    }

    @Test
    void bodiesTheTreeRouteMustJudgeAreNotStreamed() {
        String item = "{\"meter_id\":\"m\",\"value\":1}";
        List<String> refused = List.of(
                "{\"readings\":[" + item + "]} []",
                "{\"readings\":[" + item + "],\"readings\":[]}",
                "{\"readings\":[{\"value\":1,\"value\":2}]}",
                "{\"readings\":[{\"note\":\"a\\u0000\"}]}",
                "{\"readings\":[{\"metadata\":{\"\\ud800\":\"v\"}}]}",
                "{\"readings\":[null]}",
                "{\"readings\":[" + item + ",]}",
                "{\"readings\":[" + (item + ",").repeat(100) + item + "]}",
                "[]",
                "{}");
        for (String json : refused) {
            assertThat(streamed(json)).as(json).isEmpty();
        }
        assertThat(streamed("{\"readings\":[" + (item + ",").repeat(99) + item + "]}")).isPresent();
    }
}
