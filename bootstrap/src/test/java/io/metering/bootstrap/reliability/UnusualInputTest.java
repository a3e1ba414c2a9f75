package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.bootstrap.reliability.ApiOperations.Operation;
import io.metering.bootstrap.reliability.UnusualRequests.Unusual;
import io.metering.testing.Http;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Valid requests to every documented route, each with one unusual but legitimate input
 * ({@link UnusualRequests}), sent as a sandbox organization that owns its own meters. Unlike
 * {@link BadInputTest}, these may be accepted, and they change the sandbox's data. Every answer must
 * be 2xx, or 4xx with JSON {@code {message, reason}}; never 5xx. Free text that was accepted comes
 * back exactly as sent (no replacement characters, no trimming) wherever the answer shows the field.
 * The sandbox's readings keep every series rule, and nothing outside the sandbox changes: a digest
 * of every row of every table, sandbox rows left out, is the same before and after.
 *
 * <p>Requests that delete (DELETE, prune, apply, dismiss) go last, so they do not empty the sandbox
 * for the others. {@code -Dreliability.long=true} sends ten times as many.
 */
class UnusualInputTest {
    private static final String SANDBOX = "unusual-sandbox";
    private static final int PER_OPERATION = Boolean.getBoolean("reliability.long") ? 400 : 40;

    @TempDir
    static Path dataDir;

    private static InProcessService service;
    private static Fixture sandbox;
    private static JsonNode doc;

    @BeforeAll
    static void start() {
        service = InProcessService.start(dataDir, Map.of());
        Fixture.seed(service.http(), "unusual-bystander");
        sandbox = Fixture.seed(service.http(), SANDBOX);
        doc = service.http().get("/openapi.json", null).json();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void unusualButValidInputNeverFailsAndIsKeptAsSent() {
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        System.out.println("UnusualInputTest seed: -Dreliability.seed=" + seed);
        Random random = new Random(seed);
        UnusualRequests generator = new UnusualRequests(doc, HostileCorpus.load(), sandbox);
        List<Unusual> requests = new ArrayList<>();
        for (Operation op : ApiOperations.of(doc)) {
            for (int i = 0; i < PER_OPERATION; i++) {
                requests.add(generator.generate(op, random));
            }
        }
        java.util.Collections.shuffle(requests, random);
        requests.sort(Comparator.comparing(u -> deletes(u.probe())));
        Map<String, String> outside = DatabaseDigest.of(service.embeddedDatabase(), SANDBOX);

        List<String> wrong = new ArrayList<>();
        int accepted = 0;
        for (Unusual u : requests) {
            Http.Reply r;
            try {
                r = service.http().send(u.probe().request(service.http().base()));
            } catch (UncheckedIOException e) {
                wrong.add("no answer: " + e.getCause() + " <- " + u.probe());
                continue;
            }
            if (r.status() >= 500 || (r.status() >= 400 && !r.isErrorBody())) {
                wrong.add(r + " <- " + u.probe());
            } else if (r.status() < 300) {
                accepted++;
                mismatch(u, r).ifPresent(m -> wrong.add(m + " <- " + u.probe()));
            }
        }

        System.out.printf("%d unusual requests, %d accepted%n", requests.size(), accepted);
        assertThat(wrong).as("5xx, malformed errors or altered text").isEmpty();
        assertThat(accepted).as("accepted requests (the test is only meaningful if many are)").isGreaterThan(requests.size() / 5);
        assertThat(DatabaseDigest.of(service.embeddedDatabase(), SANDBOX)).as("data outside the sandbox").isEqualTo(outside);
        assertThat(SeriesRules.violations(StoredReading.all(service.embeddedDatabase(), SANDBOX), Map.of(), Instant.now())).isEmpty();
    }

    private static boolean deletes(Probe p) {
        return p.method().equals("DELETE") || p.target().contains("/prune") || p.target().contains(":apply")
                || p.target().contains(":dismiss");
    }

    /**
     * Where the answer shows the written object (the answer, its {@code data}, or each item of a
     * {@code data} list) with the field whose text was made unusual, the field must hold exactly that
     * text, or, for a batch, one of the items must.
     */
    private static java.util.Optional<String> mismatch(Unusual u, Http.Reply r) {
        if (u.field() == null || r.body().isEmpty()) {
            return java.util.Optional.empty();
        }
        JsonNode root = r.json();
        List<JsonNode> written = new ArrayList<>(List.of(root));
        root.path("data").forEach(written::add);
        if (root.path("data").isObject()) {
            written.add(root.get("data"));
        }
        List<JsonNode> shown = written.stream().map(n -> n.get(u.field())).filter(n -> n != null && n.isTextual()).toList();
        if (shown.isEmpty() || shown.stream().anyMatch(n -> n.asText().equals(u.text()))) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("field " + u.field() + " sent as " + Http.JSON.getNodeFactory().textNode(u.text())
                + " came back as " + shown.get(0));
    }
}
