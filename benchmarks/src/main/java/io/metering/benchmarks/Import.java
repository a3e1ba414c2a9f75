package io.metering.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Benchmark 2: {@code metering import} of a large CSV file (the CLI, in a child JVM, validation on,
 * the whole file one transaction) against a raw {@code COPY} of the same rows in one transaction,
 * and the same import over HTTP into the running service ({@code POST /v1/metering/admin/imports},
 * docs/import-export.md), whose goal is the CLI's speed within 20 %. Rows are hourly readings of
 * every counter, hour by hour, as a head-end export lists them.
 */
final class Import {
    private static final Pattern REPORT = Pattern.compile("Imported (\\d+) readings? in ([0-9.]+) s");
    static final Instant T0 = Instant.parse("2022-01-01T00:00:00Z");

    /** The outcome: the import as the CLI timed it (store ready to done) and the whole process. */
    record Result(long rows, double seconds, double processSeconds) {}

    private Import() {}

    /** Writes the CSV file and the raw COPY text of the same rows. */
    static void files(List<Api.Register> registers, int hours, String org, Path csv, Path copyText) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
                BufferedWriter raw = Files.newBufferedWriter(copyText, StandardCharsets.UTF_8)) {
            out.write("meter_id,counter_id,direction,timestamp,value,source\n");
            for (int h = 0; h < hours; h++) {
                String ts = T0.plusSeconds(3600L * h).toString();
                for (int i = 0; i < registers.size(); i++) {
                    Api.Register r = registers.get(i);
                    String value = Ingest.value(h, i).toPlainString();
                    out.write(r.meterId() + "," + r.counterId() + ",feed-out," + ts + "," + value + ",ERP\n");
                    raw.write(org + "\t" + r.counterId() + "\tfeed-out\t" + ts + "\t" + value + "\t" + r.meterId() + "\tERP\n");
                }
            }
        }
    }

    /** Runs {@code metering import} in a child JVM and reads its report. */
    static Result viaCli(Path jar, List<String> jvmOptions, Map<String, String> env, String org, Path csv, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ServiceProcess.command(jar, jvmOptions, "import", "--org", org, "--file", csv.toString(),
                "--no-progress"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long started = System.nanoTime();
        int exit = pb.start().waitFor();
        double processSeconds = (System.nanoTime() - started) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("import exited with " + exit + "; see " + log);
        }
        Matcher last = null;
        for (String line : Files.readAllLines(log)) {
            Matcher m = REPORT.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        if (last == null) {
            throw new IllegalStateException("no import report in " + log);
        }
        return new Result(Long.parseLong(last.group(1)), Double.parseDouble(last.group(2)), processSeconds);
    }

    /**
     * Uploads the file to the running service and follows the job to its end. {@code seconds} is the
     * job's own time (started to finished, as the CLI times store ready to done), {@code
     * processSeconds} the upload's start to the job's end as the client sees it.
     */
    static Result viaHttp(Api api, Path csv) throws IOException, InterruptedException {
        long started = System.nanoTime();
        JsonNode job = api.upload(csv, "text/csv");
        String path = "/v1/metering/admin/imports/" + job.path("id").asText();
        while (!job.path("status").asText().equals("succeeded")) {
            if (job.path("status").asText().equals("failed")) {
                throw new IllegalStateException("the import job failed: " + job);
            }
            Thread.sleep(100);
            job = api.getJson(path).path("data");
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double seconds = Duration.between(Instant.parse(job.path("started_at").asText()), Instant.parse(job.path("finished_at").asText()))
                .toNanos() / 1e9;
        return new Result(job.path("rows_stored").asLong(), seconds, wall);
    }

    /** COPY of the same rows into the raw database, one transaction. */
    static Result raw(Db db, String database, Path copyText, long rows) throws Exception {
        try (Connection c = db.connect(database); Reader in = Files.newBufferedReader(copyText, StandardCharsets.UTF_8)) {
            c.setAutoCommit(false);
            long started = System.nanoTime();
            long copied = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY reading (org_id, counter_id, direction, ts, value, meter_id, source) FROM STDIN", in);
            c.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (copied != rows) {
                throw new IllegalStateException("COPY stored " + copied + " rows, not " + rows);
            }
            return new Result(copied, seconds, seconds);
        }
    }
}
