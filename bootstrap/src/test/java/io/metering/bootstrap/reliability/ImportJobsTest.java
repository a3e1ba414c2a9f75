package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.testing.Http;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports over HTTP beside the running service (docs/import-export.md "Imports over HTTP"): a
 * file uploaded is answered 202 with a job at once, imported with the command line's rules and
 * all-or-nothing, its progress and refusals readable, and a job a stopped service left running is
 * shown failed after the restart. A million-row file is imported while the service answers reads
 * ({@code -Dimport.rows=N} changes the size).
 */
class ImportJobsTest {
    private static final String ORG = "import-jobs-org";
    private static final int BIG_ROWS = Integer.getInteger("import.rows", 1_000_000);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path files;

    private static InProcessService service;
    private static String admin;
    private static String meter;
    private static String counterOut;

    @BeforeAll
    static void start() {
        service = InProcessService.start(dataDir, Map.of());
        admin = Tokens.admin(ORG);
        Seeder seed = new Seeder(service.http(), admin);
        meter = seed.meter("{\"sector\":\"power\",\"ma_lo_id\":\"51238696781\",\"meter_number\":\"1ESY-1\"}");
        counterOut = seed.counter(meter, "{\"obis_number\":\"1-0:1.8.0\",\"unit\":\"kWh\"}");
        seed.counter(meter, "{\"obis_number\":\"1-0:2.8.0\",\"unit\":\"kWh\"}");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static Http.Reply upload(String query, String contentType, byte[] body) {
        return service.http().send("POST", "/v1/metering/admin/imports" + query, admin, contentType, body);
    }

    /** Polls the job until it has finished; fails after two minutes. */
    private static JsonNode awaitFinished(String jobId) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            Http.Reply r = service.http().get("/v1/metering/admin/imports/" + jobId, admin);
            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode job = r.json().get("data");
            String status = job.get("status").asText();
            if (status.equals("succeeded") || status.equals("failed")) {
                return job;
            }
            assertThat(System.nanoTime()).as("job %s finished within two minutes: %s", jobId, job).isLessThan(deadline);
            ServiceProcess.pause(50);
        }
    }

    /** The counter's stored values of one year, oldest first. */
    private static List<String> storedValues(String counter, int year) {
        List<String> values = new ArrayList<>();
        service.http().get("/v1/metering/reading/" + meter + "/" + counter + "?size=-1&start_date=" + year + "-01-01&end_date=" + year
                        + "-12-31", admin)
                .json().get("results").forEach(n -> values.add(n.get("value").asText()));
        return values;
    }

    @Test
    void importsASemicolonFileKeyedByMaLoAndObisExactly() {
        String csv = "ma_lo_id;obis_number;timestamp;value\n"
                + "51238696781;1-0:1.8.0;2021-01-01T00:00:00Z;1.234,5\n"
                + "51238696781;1-0:1.8.0;2021-01-02T00:00:00Z;1.234,6\n";

        Http.Reply accepted = upload("", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        JsonNode queued = accepted.json().get("data");
        assertThat(queued.get("status").asText()).isIn("queued", "running", "succeeded");
        assertThat(accepted.headers().firstValue("Location")).hasValue("/v1/metering/admin/imports/" + queued.get("id").asText());
        JsonNode job = awaitFinished(queued.get("id").asText());
        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("succeeded");
        assertThat(queued.get("created_at").asText()).as("milliseconds, like every instant")
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z").isEqualTo(job.get("created_at").asText());
        assertThat(job.get("rows_read").asLong()).isEqualTo(2);
        assertThat(job.get("rows_stored").asLong()).isEqualTo(2);
        assertThat(job.get("rows_refused").asLong()).isZero();
        assertThat(storedValues(counterOut, 2021)).containsExactly("1234.5", "1234.6");
    }

    @Test
    void aRefusedRowStoresNothingOfTheFileAndIsNamedWithItsPosition() {
        String otherMeter = new Seeder(service.http(), admin).meter("{\"sector\":\"power\",\"meter_number\":\"TWIN\"}");
        new Seeder(service.http(), admin).meter("{\"sector\":\"power\",\"meter_number\":\"TWIN\"}");
        String csv = "meter_id,meter_number,obis_number,timestamp,value\n"
                + meter + ",,1-0:2.8.0,2022-01-01T00:00:00Z,10\n"
                + ",TWIN,,2022-01-02T00:00:00Z,11\n";

        Http.Reply accepted = upload("?format=csv", "application/octet-stream", csv.getBytes(StandardCharsets.UTF_8));
        JsonNode job = awaitFinished(accepted.json().get("data").get("id").asText());

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("rows_stored").asLong()).isZero();
        JsonNode refusal = job.get("refusals").get(0);
        assertThat(refusal.get("reason").asText()).isEqualTo("ambiguous_key");
        assertThat(refusal.get("row").asLong()).isEqualTo(1);
        assertThat(refusal.get("line").asLong()).isEqualTo(3);
        assertThat(refusal.get("message").asText()).contains("2 meters have meter_number 'TWIN'");
        Http.Reply refusals = service.http().get("/v1/metering/admin/imports/" + job.get("id").asText() + "/refusals", admin);
        assertThat(refusals.json().get("data").get(0).get("reason").asText()).isEqualTo("ambiguous_key");
        assertThat(otherMeter).isNotNull();
        assertThat(service.http().get("/v1/metering/reading/" + meter + "/" + counterOut
                + "?size=-1&start_date=2022-01-01&end_date=2022-12-31", admin).json().get("results")).isEmpty();
    }

    @Test
    void refusesWhatItCannotReadAtOnce() {
        Http.Reply json = upload("", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.reason()).isEqualTo("unsupported_media_type");

        Http.Reply header = upload("", "text/csv", "meter,when,what\n1,2,3\n".getBytes(StandardCharsets.UTF_8));
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.reason()).isEqualTo("invalid_body");
        assertThat(header.json().get("message").asText()).contains("unknown column(s)");

        Http.Reply binary = upload("", null, new byte[] {0x1b, 0x1b, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, '\n'});
        assertThat(binary.status()).isEqualTo(400);
        assertThat(binary.json().get("message").asText()).contains("not UTF-8 text");

        Http.Reply format = upload("?format=xlsx", "text/csv", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(format.status()).isEqualTo(400);
        assertThat(format.reason()).isEqualTo("unsupported_format");

        Http.Reply edifactAsCsv = upload("", "text/csv", "UNA:+,? 'UNB+UNOC:3+S:500+R:500+160112:1347+REF1++TL'".getBytes(StandardCharsets.UTF_8));
        assertThat(edifactAsCsv.status()).isEqualTo(400);
        assertThat(edifactAsCsv.reason()).isEqualTo("unsupported_format");
        assertThat(edifactAsCsv.json().get("message").asText()).contains("EDIFACT interchange, not CSV");
        Http.Reply csvAsEdifact = upload("", "application/edifact", "meter_id,timestamp,value\n".getBytes(StandardCharsets.UTF_8));
        assertThat(csvAsEdifact.reason()).isEqualTo("unsupported_format");

        Http.Reply empty = upload("", "text/csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);

        Http.Reply portal = service.http().send("POST", "/v1/metering/admin/imports", Tokens.portal(ORG, "c-1"), "text/csv",
                "meter_id,timestamp,value\n".getBytes(StandardCharsets.UTF_8));
        assertThat(portal.status()).isEqualTo(403);
        assertThat(service.http().get("/v1/metering/admin/imports/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
        assertThat(service.http().get("/v1/metering/admin/imports/not-a-job", admin).status()).isEqualTo(404);
    }

    @Test
    void importsAMillionRowsWhileTheServiceAnswersReads() throws Exception {
        Seeder seed = new Seeder(service.http(), admin);
        int counters = 100;
        List<String[]> targets = new ArrayList<>();
        for (int i = 0; i < counters; i++) {
            String m = seed.meter("{\"sector\":\"water\",\"meter_number\":\"BIG-" + i + "\"}");
            targets.add(new String[] {m, seed.counter(m, "{\"obis_number\":\"8-0:1.0.0\",\"direction\":\"feed-out\"}")});
        }
        Path file = files.resolve("big.csv");
        Instant base = Instant.parse("2010-01-01T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("meter_number,counter_id,timestamp,value\n");
            for (int row = 0; row < BIG_ROWS; row++) {
                int c = row % counters;
                int hour = row / counters;
                out.write("BIG-" + c + "," + targets.get(c)[1] + "," + base.plus(hour, ChronoUnit.HOURS) + "," + hour + ".5\n");
            }
        }
        AtomicBoolean importing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<Http.Reply> failedReads = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (importing.get()) {
                Http.Reply r = service.http().get("/v1/metering/reading/" + meter + "/" + counterOut + "?size=10&start_date=2000-01-01", admin);
                reads.incrementAndGet();
                if (r.status() != 200) {
                    failedReads.add(r);
                }
                ServiceProcess.pause(20);
            }
        });
        reader.start();
        try {
            Http.Reply accepted = service.http().send(HttpRequest.newBuilder(URI.create(service.http().base() + "/v1/metering/admin/imports"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).timeout(Duration.ofMinutes(2)).build());
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            JsonNode job = awaitFinished(accepted.json().get("data").get("id").asText());

            assertThat(job.get("status").asText()).as("%s", job).isEqualTo("succeeded");
            assertThat(job.get("rows_stored").asLong()).isEqualTo(BIG_ROWS);
        } finally {
            importing.set(false);
            reader.join();
        }
        assertThat(failedReads).as("reads answered during the import").isEmpty();
        assertThat(reads.get()).as("reads made during the import").isPositive();
        try (Connection c = service.embeddedDatabase().connect();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM reading WHERE org_id = ? AND counter_id = ANY(CAST(? AS uuid[]))")) {
            s.setString(1, ORG);
            s.setArray(2, c.createArrayOf("text", targets.stream().map(t -> t[1]).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(BIG_ROWS);
            }
        }
    }

    @Test
    void theCommandLineUploadsToARunningService() throws IOException {
        Path csv = Files.writeString(files.resolve("cli.csv"), "meter_number,obis_number,timestamp,value\n"
                + "1ESY-1,1-0:1.8.0,2023-01-01T00:00:00Z,2000\n1ESY-1,1-0:1.8.0,2023-01-02T00:00:00Z,2001.25\n");
        Path refused = Files.writeString(files.resolve("refused.csv"), "meter_number,obis_number,timestamp,value\n"
                + "1ESY-1,1-0:1.8.0,2023-02-01T00:00:00Z,3000\n1ESY-1,1-0:9.9.9,2023-02-02T00:00:00Z,3001\n");

        int ok = new picocli.CommandLine(new io.metering.bootstrap.cli.Main()).execute("import", "--org", ORG, "--file", csv.toString(),
                "--url", service.http().base(), "--token", admin, "--no-progress");
        int no = new picocli.CommandLine(new io.metering.bootstrap.cli.Main()).execute("import", "--org", ORG, "--file",
                refused.toString(), "--url", service.http().base(), "--token", admin, "--no-progress");

        assertThat(ok).isZero();
        assertThat(no).as("a refused file exits 2").isEqualTo(2);
        assertThat(storedValues(counterOut, 2023)).containsExactly("2000", "2001.25");
    }

    @Test
    void aDecreasingImplausiblePairPassesAndTheJobAndTheCommandLineSaySo() throws IOException {
        // issue 17: implausible readings take no part in ordering checks, so only the count tells of them
        String csv = "meter_number,obis_number,timestamp,value,status\n"
                + "1ESY-1,1-0:1.8.0,2018-06-01T00:00:00Z,100,\n"
                + "1ESY-1,1-0:1.8.0,2018-06-02T00:00:00Z,900,implausible\n"
                + "1ESY-1,1-0:1.8.0,2018-06-03T00:00:00Z,800,implausible\n"
                + "1ESY-1,1-0:1.8.0,2018-06-04T00:00:00Z,101000,\n"
                + "1ESY-1,1-0:1.8.0,2018-06-05T00:00:00Z,102,\n";
        JsonNode job = awaitFinished(upload("", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).json().get("data").get("id").asText());
        assertThat(job.get("status").asText()).as("%s", job).isEqualTo("succeeded");
        assertThat(job.get("rows_implausible").asLong()).as("the pair and the slip the next reading shows").isEqualTo(3);

        Path file = Files.writeString(files.resolve("pair.csv"), csv.replace("1-0:1.8.0", "1-0:2.8.0"));
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = new picocli.CommandLine(new io.metering.bootstrap.cli.Main()).execute("import", "--org", ORG, "--file", file.toString(),
                    "--url", service.http().base(), "--token", admin, "--no-progress");
        } finally {
            System.setOut(original);
        }
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("3 reading(s) left with status implausible")
                .as("a tiny file prints no rate rounded to 0").containsPattern("Imported 5 readings in \\d+[.,]\\d s")
                .doesNotContain(" 0 readings/s");
    }

    @Test
    void theCommandLineImportsIntoTheNamedOrganizationOrRefusesATokenOfAnother() throws IOException {
        Path csv = Files.writeString(files.resolve("other-org.csv"), "meter_number,obis_number,timestamp,value\n"
                + "1ESY-1,1-0:1.8.0,2019-01-01T00:00:00Z,1000\n");

        Cli run = cli("import", "--org", "other-org", "--file", csv.toString(), "--url", service.http().base(), "--token", admin,
                "--no-progress");

        assertThat(run.status()).as("a token of another organization is refused: %s", run.err()).isEqualTo(2);
        assertThat(run.err()).contains("Import refused (forbidden").contains("may not import into organization other-org");
        assertThat(storedValues(counterOut, 2019)).as("nothing stored in the token's own organization").isEmpty();
    }

    @Test
    void theProgressBarsLineEndsBeforeTheSummaryAndIsNotRedrawnAfterARefusal() throws IOException {
        Path refused = Files.writeString(files.resolve("bar-refused.csv"), "meter_number,obis_number,timestamp,value\n"
                + "1ESY-1,1-0:1.8.0,2020-02-01T00:00:00Z,3000\n1ESY-1,1-0:9.9.9,2020-02-02T00:00:00Z,3001\n");

        Cli run = cli("import", "--org", ORG, "--file", refused.toString(), "--url", service.http().base(), "--token", admin);

        assertThat(run.status()).isEqualTo(2);
        String err = run.err();
        assertThat(err).contains("import ").contains(" rows").containsPattern("(?m)^Uploaded to .*; import job ")
                .containsPattern("(?m)^Import refused \\(");
        assertThat(err).as("the bar shows no rate of its own").doesNotContain("rows/s");
        assertThat(err.substring(err.indexOf("Uploaded to"))).as("no bar drawn after its summary").doesNotContain(" rows");
    }

    @Test
    void theSummaryFollowsTheFinishedBarOnALineOfItsOwnAndCountsOneReading() throws IOException {
        Path one = Files.writeString(files.resolve("one-row.csv"), "meter_number,obis_number,timestamp,value\n"
                + "1ESY-1,1-0:1.8.0,2014-02-01T00:00:00Z,50\n");
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream both = new java.io.ByteArrayOutputStream();
        java.io.PrintStream terminal = new java.io.PrintStream(both, true, StandardCharsets.UTF_8);
        System.setOut(terminal);
        System.setErr(terminal);
        int status;
        try {
            status = new picocli.CommandLine(new io.metering.bootstrap.cli.Main()).execute("import", "--org", ORG, "--file",
                    one.toString(), "--url", service.http().base(), "--token", admin);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String shown = both.toString(StandardCharsets.UTF_8).replace('\r', '\n');

        assertThat(status).as(both.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(shown).as(shown).containsPattern("(?m)^Imported 1 reading in ").doesNotContain("1 readings")
                .doesNotContain("rows/s").containsPattern("import 100% .*1/1 rows");
        assertThat(shown.substring(shown.indexOf("Imported 1 reading"))).as("no bar drawn after the summary").doesNotContain(" rows");
    }

    @Test
    void aFirstRowRefusedByAWriteRuleIsTheOnlyRowReadForTheJobAndTheCommandLine() throws IOException {
        Seeder seed = new Seeder(service.http(), admin);
        String rowsMeter = seed.meter("{\"sector\":\"power\",\"meter_number\":\"1ESY-ROWS\"}");
        String rowsCounter = seed.counter(rowsMeter,
                "{\"obis_number\":\"1-0:1.8.0\",\"unit\":\"kWh\"}");
        String stored = "meter_number,obis_number,timestamp,value\n1ESY-ROWS,1-0:1.8.0,2017-01-01T00:00:00Z,500\n";
        assertThat(awaitFinished(upload("", "text/csv", stored.getBytes(StandardCharsets.UTF_8)).json().at("/data/id").asText())
                .get("status").asText()).isEqualTo("succeeded");
        String lower = "meter_number,obis_number,timestamp,value\n"
                + "1ESY-ROWS,1-0:1.8.0,2017-01-02T00:00:00Z,400\n1ESY-ROWS,1-0:1.8.0,2017-01-03T00:00:00Z,600\n";

        JsonNode job = awaitFinished(upload("", "text/csv", lower.getBytes(StandardCharsets.UTF_8)).json().at("/data/id").asText());
        Cli run = cli("import", "--org", ORG, "--file", Files.writeString(files.resolve("lower.csv"), lower).toString(),
                "--url", service.http().base(), "--token", admin, "--no-progress");

        assertThat(job.at("/refusals/0/reason").asText()).isEqualTo("less_than_previous");
        assertThat(job.get("rows_read").asLong()).as("the first of two rows was refused: %s", job).isEqualTo(1);
        assertThat(run.status()).isEqualTo(2);
        assertThat(job.at("/refusals/0/line").asLong()).as("the refused row's CSV line: %s", job).isEqualTo(2);
        assertThat(run.err()).contains("Import refused (less_than_previous)").contains("Refused at data row 1 (readings[0], line 2)")
                .contains("1 row(s) read");
        assertThat(service.http().get("/v1/metering/reading/" + rowsMeter + "/" + rowsCounter
                + "?size=-1&start_date=2017-01-01&end_date=2017-12-31", admin).json().get("results")).hasSize(1);
    }

    @Test
    void aWriteRuleRefusalInALaterChunkNamesTheLineOfItsRowPastQuotedLineBreaks() throws IOException {
        Seeder seed = new Seeder(service.http(), admin);
        seed.counter(seed.meter("{\"sector\":\"power\",\"meter_number\":\"1ESY-LINES\"}"),
                "{\"obis_number\":\"1-0:1.8.0\",\"unit\":\"kWh\"}");
        String csv = "meter_number,obis_number,timestamp,value,note\n"
                + "1ESY-LINES,1-0:1.8.0,2013-01-02T00:00:00Z,510,\"two\nlines\"\n"
                + "1ESY-LINES,1-0:1.8.0,2013-01-03T00:00:00Z,520,\n"
                + "1ESY-LINES,1-0:1.8.0,2013-01-04T00:00:00Z,530,\"a\nb\nc\"\n"
                + "1ESY-LINES,1-0:1.8.0,2013-01-05T00:00:00Z,100,\n";

        JsonNode job = awaitFinished(upload("?chunk_size=2", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).json().at("/data/id").asText());
        Cli run = cli("import", "--org", ORG, "--file", Files.writeString(files.resolve("lines.csv"), csv).toString(),
                "--url", service.http().base(), "--token", admin, "--no-progress", "--chunk-size", "2");

        assertThat(job.at("/refusals/0/reason").asText()).as("%s", job).isEqualTo("less_than_previous");
        assertThat(job.at("/refusals/0/row").asLong()).isEqualTo(3);
        assertThat(job.at("/refusals/0/line").asLong()).as("row 3 starts on line 8, not 5").isEqualTo(8);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Refused at data row 4 (readings[3], line 8); 4 row(s) read.");
    }

    @Test
    void aTinyFileImportedByTheCommandLinePrintsNoRateRoundedToZero() throws IOException {
        Path empty = Files.writeString(files.resolve("header-only.csv"), "meter_number,obis_number,timestamp,value\n");
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = new picocli.CommandLine(new io.metering.bootstrap.cli.Main()).execute("import", "--org", ORG, "--file",
                    empty.toString(), "--url", service.http().base(), "--token", admin, "--no-progress");
        } finally {
            System.setOut(original);
        }

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported 0 readings in ").doesNotContain("readings/s");
    }

    @Test
    void aQuoteNeverClosedIsRefusedAsUnclosedQuoteWithItsLine() {
        String csv = "meter_number,obis_number,timestamp,value\n"
                + "1ESY-1,1-0:1.8.0,2016-01-01T00:00:00Z,\"12.5\n1ESY-1,1-0:1.8.0,2016-01-02T00:00:00Z,13\n";

        JsonNode job = awaitFinished(upload("", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).json().at("/data/id").asText());

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.at("/refusals/0/reason").asText()).as("%s", job).isEqualTo("unclosed_quote");
        assertThat(job.at("/refusals/0/line").asLong()).as("the line the quote opened on").isEqualTo(2);
        assertThat(job.at("/refusals/0/message").asText()).contains("opened on line 2").doesNotContain("fields where the header");
        assertThat(storedValues(counterOut, 2016)).isEmpty();
    }

    private record Cli(int status, String err) {}

    /** Runs the command line in this process, its standard error captured. */
    private static Cli cli(String... args) {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            int status = new picocli.CommandLine(new io.metering.bootstrap.cli.Main()).execute(args);
            return new Cli(status, err.toString(java.nio.charset.StandardCharsets.UTF_8).replace('\r', '\n'));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void aJobLeftRunningByAStoppedServiceIsFailedAfterTheRestart() throws SQLException, IOException {
        UUID id = UUID.randomUUID();
        try (Connection c = service.embeddedDatabase().connect();
                PreparedStatement s = c.prepareStatement("INSERT INTO import_job (org_id, id, format, commit_mode, status, created_at,"
                        + " started_at) VALUES (?, CAST(? AS uuid), 'csv', 'file', 'running', now(), now())")) {
            s.setString(1, ORG);
            s.setString(2, id.toString());
            s.executeUpdate();
        }
        service.close();
        service = InProcessService.start(dataDir, Map.of());

        JsonNode job = service.http().get("/v1/metering/admin/imports/" + id, admin).json().get("data");

        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("refusals").get(0).get("reason").asText()).isEqualTo("interrupted");
        assertThat(job.get("finished_at").asText()).isNotEmpty();
    }
}
