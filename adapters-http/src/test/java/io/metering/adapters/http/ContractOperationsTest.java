package io.metering.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.Http.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of the contract (the fixture {@code contract/operations.txt} lists its 21
 * operationIds with method and path) is routed by the app and described in our OpenAPI document
 * under the same operationId, method and path.
 */
class ContractOperationsTest {
    private static final Pattern PARAM = Pattern.compile("\\{[^}]+}");
    @RegisterExtension
    static final TestApp t = new TestApp();
    private static List<Operation> contract;

    private record Operation(String id, String method, String path) {
        /** The path with every parameter filled by a fresh UUID; literal parts (":apply") stay. */
        String concretePath() {
            Matcher m = PARAM.matcher(path);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, UUID.randomUUID().toString());
            }
            return m.appendTail(sb).toString();
        }

        boolean sendsBody() {
            return !method.equals("GET") && !method.equals("DELETE");
        }
    }

    @BeforeAll
    static void start() throws IOException {
        contract = readFixture();
    }

    private static List<Operation> readFixture() throws IOException {
        List<Operation> out = new ArrayList<>();
        try (InputStream in = ContractOperationsTest.class.getResourceAsStream("/contract/operations.txt")) {
            assertThat(in).as("fixture contract/operations.txt").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                assertThat(parts).as(line).hasSize(3);
                out.add(new Operation(parts[0], parts[1], parts[2]));
            }
        }
        return out;
    }

    @Test
    void theFixtureHoldsTheContractsTwentyOneOperations() {
        Set<String> ids = new HashSet<>();
        contract.forEach(op -> ids.add(op.id()));

        assertThat(contract).hasSize(21);
        assertThat(ids).hasSize(21);
    }

    @Test
    void everyOperationIsRoutedBehindAuthentication() {
        for (Operation op : contract) {
            Reply r = t.send(op.method(), op.concretePath(), null, op.sendsBody() ? "application/json" : null,
                    op.sendsBody() ? "{}" : null);

            // unknown routes answer 404 and wrong methods 405 before any token check; 401 proves a route ran
            assertThat(r.status()).as(op.id() + " " + r).isEqualTo(401);
        }
    }

    @Test
    void everyOperationAnswersAnAdminWithoutRoutingErrors() {
        for (Operation op : contract) {
            Reply r = t.send(op.method(), op.concretePath(), t.adminToken(), op.sendsBody() ? "application/json" : null,
                    op.sendsBody() ? "{}" : null);

            assertThat(r.status()).as(op.id() + " " + r).isNotEqualTo(405).isLessThan(500);
            if (r.status() == 404) {
                assertThat(r.json().get("message").asText()).as(op.id() + " " + r).doesNotStartWith("no route for");
            }
        }
    }

    @Test
    void everyOperationIsDocumentedUnderItsIdMethodAndPath() {
        JsonNode paths = t.get("/openapi.json", null).json().get("paths");

        for (Operation op : contract) {
            JsonNode documented = paths.path(op.path()).path(op.method().toLowerCase(Locale.ROOT));
            assertThat(documented.isMissingNode()).as(op.method() + " " + op.path() + " is documented").isFalse();
            assertThat(documented.get("operationId").asText()).as(op.method() + " " + op.path()).isEqualTo(op.id());
        }
    }
}
