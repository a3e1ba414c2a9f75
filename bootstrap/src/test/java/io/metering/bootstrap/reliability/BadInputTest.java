package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.bootstrap.reliability.ApiOperations.Operation;
import io.metering.bootstrap.reliability.BadRequests.Fault;
import io.metering.testing.Http;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to every route of the real service on its embedded PostgreSQL. The routes come from the
 * service's own OpenAPI document ({@link ApiOperations}), so a route added later is covered without
 * touching this test. For each operation and each {@link Fault} that applies to it,
 * {@link BadRequests} generates requests from the hostile corpus ({@code reliability/hostile-input.json})
 * and at random: malformed JSON, wrong types, missing and extra fields, huge and tiny numbers,
 * NaN/Infinity, exponent notation, long strings, odd Unicode (NUL, unpaired surrogates, RTL,
 * zero-width), impossible and DST-gap or DST-ambiguous local times in Europe/Berlin, wrong content
 * types, oversize bodies with and without Content-Length, bad query values and path ids. Requests
 * carry valid admin or portal tokens (as the operation admits), so they reach the handlers.
 *
 * <p>At least 10,000 requests; each must answer 4xx with a JSON body {@code {message, reason}} whose
 * status and reason the document declares for the operation ({@link DeclaredAnswers}), and
 * the database must hold exactly the same rows afterwards (a digest of every table). The seed is
 * printed and can be set with {@code -Dreliability.seed=...}; {@code -Dreliability.long=true} sends
 * ten times as many.
 */
class BadInputTest {
    private static final String ORG = "fuzz-org";
    private static final long MAX_BODY = 16 * 1024;
    private static final int MIN_REQUESTS = Boolean.getBoolean("reliability.long") ? 100_000 : 10_000;
    private static final int CLIENTS = 4;

    @TempDir
    static Path dataDir;

    private static InProcessService service;
    private static Fixture fixture;
    private static JsonNode doc;
    private static List<Operation> operations;
    private static DeclaredAnswers declared;

    @BeforeAll
    static void start() {
        service = InProcessService.start(dataDir, Map.of("METERING_MAX_BODY_BYTES", Long.toString(MAX_BODY)));
        fixture = Fixture.seed(service.http(), ORG);
        doc = service.http().get("/openapi.json", null).json();
        operations = ApiOperations.of(doc);
        declared = new DeclaredAnswers(doc);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyRouteAnswersBadInputWith4xxJsonAndChangesNothing() throws Exception {
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        System.out.println("BadInputTest seed: -Dreliability.seed=" + seed);
        Random random = new Random(seed);
        BadRequests generator = new BadRequests(doc, HostileCorpus.load(), fixture, MAX_BODY);
        int slots = operations.stream().mapToInt(op -> generator.applicable(op).size()).sum();
        int perFault = (MIN_REQUESTS + slots - 1) / slots;
        List<Probe> probes = new ArrayList<>();
        for (Operation op : operations) {
            for (Fault fault : generator.applicable(op)) {
                for (int i = 0; i < perFault; i++) {
                    probes.add(generator.generate(op, fault, random));
                }
            }
        }
        Collections.shuffle(probes, random);
        assertThat(operations).as("documented operations").hasSizeGreaterThan(30);
        assertThat(probes).hasSizeGreaterThanOrEqualTo(MIN_REQUESTS);
        Map<String, String> before = DatabaseDigest.of(service.embeddedDatabase());

        List<String> wrong = send(probes);

        Map<String, String> after = DatabaseDigest.of(service.embeddedDatabase());
        System.out.printf("%d requests over %d operations, %d (operation, fault) pairs, %d wrong answers%n", probes.size(),
                operations.size(), slots, wrong.size());
        assertThat(wrong).as("answers that are not 4xx JSON {message, reason} (first 40 of %d)", wrong.size())
                .isEmpty();
        assertThat(after).as("stored data after the bad requests").isEqualTo(before);
    }

    /**
     * Requests no HTTP library would send, answered by Jetty or the app before any operation runs.
     * Each must answer 4xx with JSON {@code {message, reason}}.
     */
    @Test
    void malformedHttpAnswers4xxJson() {
        String admin = fixture.adminToken();
        String auth = "Authorization: Bearer " + admin + "\r\n";
        String meter = "/v1/metering/meter/" + fixture.meter();
        List<String> requests = List.of(
                "GET /v1/metering/meter/%zz HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /v1/metering/admin/meters?ma_lo_id=%zz HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /v1/metering/admin/meters?ma_lo_id=%E2%82 HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /v1/metering/admin/meters?%=%&&=&size=%31%3 HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /v1/metering/meter/%00 HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /v1/metering/contract/meters/a%00b HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /v1/metering/../../etc/passwd HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /v1/metering/meter/a%2Fb HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET /v1/metering/meter/;jsessionid=1 HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET " + meter + "\u0000 HTTP/1.1\r\nHost: x\r\n" + auth,
                "POST /v1/metering/reading HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: abc\r\n",
                "POST /v1/metering/reading HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: -1\r\n",
                "POST /v1/metering/reading HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: 2\r\n"
                        + "Content-Length: 3\r\n",
                "POST /v1/metering/reading HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n",
                "POST /v1/metering/reading HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n",
                "GET " + meter + " HTTP/1.1\r\nHost: x\r\nthis is no header\r\n" + auth,
                "GET " + meter + " HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n" + auth,
                "GET " + meter + " HTTP/1.1\r\nHost: x\r\nX-Huge: " + "h".repeat(20_000) + "\r\n" + auth,
                "GET /" + "u".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "PATCH " + meter + "?x=" + "%E2%80%8B".repeat(880) + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "DELETE " + meter + "?x=" + "%E2%80%8B".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "PUT " + meter + " HTTP/1.1\r\nHost: x\r\nX-Huge: " + "h".repeat(9000) + "\r\n" + auth,
                "GET " + meter + " HTTP/1.1\r\n" + auth,
                "get " + meter + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "FOO " + meter + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET http://elsewhere.example" + meter + " HTTP/1.1\r\nHost: x\r\n" + auth,
                "GET " + meter + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + "t".repeat(6000) + "\r\n",
                "GET " + meter + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \u00ff\u00fe\r\n",
                "GET " + meter + "?include_pending_changesets=%74%72%75%65%00 HTTP/1.1\r\nHost: x\r\n" + auth);
        List<String> wrong = new ArrayList<>();
        for (String r : requests) {
            byte[] bytes = (r + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            String shown = r.length() > 120 ? r.substring(0, 120) + "..." : r;
            String[] line = r.substring(0, r.indexOf("\r\n")).split(" ");
            String operation = line[0] + " " + line[1].replaceFirst("\\?.*", "");
            RawHttp.send(service.httpPort(), bytes).ifPresentOrElse(a -> {
                Http.Reply reply = new Http.Reply(a.status(), a.body(), null);
                if (a.status() < 400 || a.status() > 499 || !a.isJson() || !reply.isErrorBody()) {
                    wrong.add(a.status() + " " + a.body() + " <- " + shown);
                } else {
                    String undeclared = declared.undeclared(operation, a.status(), reply.json().get("reason").asText());
                    if (undeclared != null) {
                        wrong.add(undeclared + " <- " + shown);
                    }
                }
            }, () -> wrong.add("no answer <- " + shown));
        }
        assertThat(wrong).isEmpty();
    }

    /** Sends the probes with a few concurrent clients; returns one line per wrong answer, grouped. */
    private static List<String> send(List<Probe> probes) throws Exception {
        Map<String, List<String>> wrong = Collections.synchronizedMap(new TreeMap<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    Http http = new Http(service.http().base());
                    for (int i = next.getAndIncrement(); i < probes.size(); i = next.getAndIncrement()) {
                        Probe p = probes.get(i);
                        String problem;
                        try {
                            problem = judge(p.operation(), http.send(p.request(http.base())));
                        } catch (UncheckedIOException e) {
                            problem = "no answer: " + e.getCause();
                        }
                        if (problem != null) {
                            wrong.computeIfAbsent(p.operation() + " [" + p.fault() + "] " + problem.split(" ", 2)[0],
                                    k -> Collections.synchronizedList(new ArrayList<>())).add(problem + " <- " + p);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> out = new ArrayList<>();
        wrong.forEach((group, items) -> out.add(items.size() + " x " + group + ", e.g. " + items.get(0)));
        return out;
    }

    /**
     * @return null for a right answer (4xx JSON {message, reason} whose status and reason the
     *     document declares for the operation), else what is wrong with it
     */
    private static String judge(String operation, Http.Reply r) {
        if (r.status() < 400 || r.status() > 499) {
            return r.toString();
        }
        if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/json") || !r.isErrorBody()) {
            return r.status() + " without JSON {message, reason}: " + r;
        }
        String undeclared = declared.undeclared(operation, r.status(), r.json().get("reason").asText());
        return undeclared == null ? null : r.status() + " undeclared: " + undeclared;
    }
}
