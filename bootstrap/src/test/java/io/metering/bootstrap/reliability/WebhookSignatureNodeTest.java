package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.FreePorts;
import io.metering.testing.Http;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signatures verified by the Standard Webhooks reference library, not only by our own code: the
 * README's receiver ({@code clients/webhook-receiver/receiver.mjs}, {@code standardwebhooks} from
 * npm) receives the real service's deliveries and verifies each. After a rotation the receiver's
 * old secret still verifies during the overlap; a rotation without overlap makes it refuse.
 */
class WebhookSignatureNodeTest {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String ADMIN = Tokens.admin("hooks-node");

    @TempDir
    Path dir;
    private InProcessService service;
    private Process receiver;
    private final List<String> lines = new ArrayList<>();

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.destroyForcibly();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void theReferenceLibraryVerifiesEveryDeliveryAndARotationKeepsTheOldSecretDuringTheOverlap() throws Exception {
        Path project = Path.of("..", "clients", "webhook-receiver").toAbsolutePath().normalize();
        boolean node = onPath("node") && onPath("npm");
        if (!node && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install Node.js and npm (.ci/run)");
        }
        Assumptions.assumeTrue(node, "Node.js and npm are needed for the reference library");
        if (!Files.isDirectory(project.resolve("node_modules"))) {
            // stdin from /dev/null: npm would otherwise share (and make non-blocking) Surefire's command channel
            Process ci = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(project.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(ci.waitFor(5, TimeUnit.MINUTES) && ci.exitValue() == 0).as("npm ci in %s", project).isTrue();
        }
        service = InProcessService.start(dir.resolve("data"), Map.of("METERING_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1",
                "METERING_WEBHOOK_TIMEOUT", "PT2S", "METERING_WEBHOOK_LEASE", "PT10S", "METERING_WEBHOOK_RETRY_SCHEDULE", "PT0.2S"));
        WebhookFixture f = new WebhookFixture(service.http(), ADMIN);
        int port = FreePorts.free();
        JsonNode hook = f.subscribe("http://127.0.0.1:" + port + "/metering");
        String id = hook.get("id").asText();
        startReceiver(project, port, hook.get("secret").asText());

        f.readings(30);
        List<String> first = f.feedIds(hook.at("/delivery/cursor").asText());
        awaitLines(ls -> verified(ls).containsAll(first), "30 verified");

        Http.Reply rotated = service.http().post("/v1/metering/webhooks/" + id + "/rotate-secret", ADMIN, null);
        assertThat(rotated.status()).as("%s", rotated).isEqualTo(200);
        String cursor = f.subscription(id).at("/delivery/cursor").asText();
        f.readings(10);
        List<String> second = f.feedIds(cursor);
        awaitLines(ls -> verified(ls).containsAll(second), "10 more verified with the old secret during the overlap");

        service.http().post("/v1/metering/webhooks/" + id + "/rotate-secret?overlap_hours=0", ADMIN, null);
        f.readings(1);
        awaitLines(ls -> ls.stream().anyMatch(l -> l.startsWith("refused ")), "a refusal once the receiver's secret no longer signs");

        assertThat(verified(lines())).as("each verified once, in feed order").startsWith(first.toArray(String[]::new));
        assertThat(lines().stream().filter(l -> l.startsWith("refused ")).findFirst().orElseThrow()).contains("No matching signature");
        // the receiver logs its refusal before the service has recorded the attempt: wait for the record
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (f.attempts(id).at("/data/0/status").asInt() != 401) {
            assertThat(System.nanoTime()).as("the receiver's 401 recorded within %s: %s", WITHIN, f.attempts(id)).isLessThan(deadline);
            ServiceProcess.pause(50);
        }
    }

    @Test
    void theReadmesReceiverIsTheOneThisTestRuns() throws Exception {
        String receiver = Files.readString(Path.of("..", "clients", "webhook-receiver", "receiver.mjs"));
        String code = receiver.substring(receiver.indexOf("import http"));

        assertThat(Files.readString(Path.of("..", "README.md"))).contains(code);
    }

    private void startReceiver(Path project, int port, String secret) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "receiver.mjs").directory(project.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().put("PORT", Integer.toString(port));
        pb.environment().put("WEBHOOK_SECRET", secret);
        receiver = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> out.lines().forEach(l -> {
            synchronized (lines) {
                lines.add(l);
            }
        }), "webhook-receiver-output");
        reader.setDaemon(true);
        reader.start();
        awaitLines(ls -> ls.contains("listening on " + port), "the receiver listening");
    }

    private List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    private static List<String> verified(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("verified ")).map(l -> l.split(" ")[1]).toList();
    }

    private void awaitLines(Predicate<List<String>> condition, String what) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.test(lines())) {
            assertThat(receiver.isAlive()).as("receiver alive: %s", lines()).isTrue();
            assertThat(System.nanoTime()).as("%s within %s: %s", what, WITHIN, lines()).isLessThan(deadline);
            ServiceProcess.pause(50);
        }
    }

    private static boolean onPath(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
