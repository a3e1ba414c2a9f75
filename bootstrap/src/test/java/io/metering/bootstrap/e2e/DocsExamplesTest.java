package io.metering.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metering.bootstrap.portal.DemoService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples of docs/import-export.md and the README's curl commands run as written against the
 * demo data ({@code metering.jar demo}): each import CSV is uploaded and stored whole, the export
 * command answers the CSV printed below it, and every README curl command answers 200.
 */
class DocsExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
    private static final Pattern CURL_URL = Pattern.compile("\"?http://localhost:8080(/v1/[^\"\\s]*)\"?");

    @TempDir
    static Path dataDir;
    private static DemoService demo;

    @BeforeAll
    static void start() {
        demo = DemoService.start(dataDir, "docs-examples-test-secret-of-at-least-32-bytes", Map.of(), "docs");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private record Block(String language, String text) {}

    private static List<Block> blocks(String markdownFile) throws Exception {
        List<Block> out = new ArrayList<>();
        Matcher m = FENCE.matcher(Files.readString(Path.of("..", markdownFile)));
        while (m.find()) {
            out.add(new Block(m.group(1), m.group(2)));
        }
        return out;
    }

    @Test
    void theImportExamplesAreStoredWholeInTheDemoData() throws Exception {
        List<Block> imports = blocks("docs/import-export.md").stream()
                .filter(b -> b.language().equals("csv") && b.text().contains("timestamp") && !b.text().contains("start_value")).toList();
        assertThat(imports).as("the import examples").hasSizeGreaterThanOrEqualTo(2);

        for (Block csv : imports) {
            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(demo.base + "/v1/metering/admin/imports"))
                    .header("Authorization", "Bearer " + demo.admin).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.text(), StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as("%s", accepted.body()).isEqualTo(202);
            JsonNode job = awaitFinished(JSON.readTree(accepted.body()).at("/data/id").asText());
            long rows = csv.text().lines().count() - 1;
            assertThat(job.get("status").asText()).as("example %s: %s", csv.text(), job).isEqualTo("succeeded");
            assertThat(job.get("rows_stored").asLong()).isEqualTo(rows);
        }
    }

    @Test
    void theExportExampleAnswersTheCsvShownBelowIt() throws Exception {
        List<Block> blocks = blocks("docs/import-export.md");
        int command = -1;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).language().equals("sh") && blocks.get(i).text().contains("Accept: text/csv")) {
                command = i;
            }
        }
        assertThat(command).as("the export command").isNotNegative();
        Matcher url = CURL_URL.matcher(blocks.get(command).text());
        assertThat(url.find()).isTrue();

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(demo.base + url.group(1)))
                .header("Authorization", "Bearer " + demo.admin).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as("%s", answer.body()).isEqualTo(200);
        assertThat(answer.body().replace("\r\n", "\n")).isEqualTo(blocks.get(command + 1).text());
    }

    @Test
    void theReadmesCurlCommandsAnswer200() throws Exception {
        List<String> commands = blocks("README.md").stream().flatMap(b -> b.text().lines()).filter(l -> l.startsWith("curl ")).toList();
        assertThat(commands).isNotEmpty();
        for (String command : commands) {
            Matcher url = CURL_URL.matcher(command);
            assertThat(url.find()).as(command).isTrue();
            String token = command.contains("$PORTAL_TOKEN") ? demo.portal : demo.admin;
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(demo.base + url.group(1)))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("%s: %s", command, answer.body()).isEqualTo(200);
        }
    }

    /** Polls the import job until it has finished; fails after a minute. */
    private static JsonNode awaitFinished(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(demo.base + "/v1/metering/admin/imports/" + id))
                    .header("Authorization", "Bearer " + demo.admin).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode job = JSON.readTree(r.body()).get("data");
            String status = job.get("status").asText();
            if (status.equals("succeeded") || status.equals("failed")) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s finished within a minute", id).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
