package io.metering.bootstrap.cli;

import io.metering.application.model.ImportCommit;
import io.metering.application.model.ImportJob;
import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.application.access.Caller;
import io.metering.application.port.in.imports.ImportProgress;
import io.metering.application.port.in.imports.ImportReadingsCommand;
import io.metering.application.port.in.imports.ImportMeteredDataUseCase;
import io.metering.application.port.in.imports.ImportReport;
import io.metering.application.model.MeteredMessage;
import io.metering.application.service.imports.ImportJobService;
import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.ConfigurationException;
import io.metering.bootstrap.db.EmbeddedDatabaseException;
import io.metering.application.model.ReadingInput;
import io.metering.bootstrap.importer.CsvDialect;
import io.metering.bootstrap.importer.ImportException;
import io.metering.bootstrap.importer.Prefetch;
import io.metering.bootstrap.importer.ReadingsCsv;
import io.metering.bootstrap.importer.UploadedFiles;
import io.metering.domain.error.MeteringException;
import io.metering.domain.tenant.OrganizationId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code metering import}: loads a CSV file of readings (format: {@link ReadingsCsv}, keyed by our ids
 * or the user's) or an MSCONS interchange (docs/load-profiles.md) into an organization through the
 * import use cases, with the API's write rules, showing progress. Uses the configured store; when a
 * service holds the embedded store's data directory (or {@code --url} names a service), the file is
 * uploaded to that service's import operation instead and its job followed
 * (docs/import-export.md "Imports over HTTP").
 */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Import readings from a CSV file (columns: meter_id, ma_lo_id, me_lo_id or meter_number; counter_id or"
                + " obis_number; direction, timestamp, value, source, reason, status, external_id, read_by, remark, note, unit) or an"
                + " MSCONS interchange, with the API's write rules.")
final class ImportCommand implements Callable<Integer> {
    /** Exit status when the file or a reading is refused. */
    static final int REFUSED = 2;
    /** An import shorter than this prints no rate. */
    static final double MIN_SECONDS_FOR_RATE = 1.0;

    @Option(names = "--org", required = true, description = "Organization to import into.")
    String org;

    @Option(names = "--file", required = true,
            description = "The CSV file (the first line names the columns) or MSCONS interchange (it starts with UNA or UNB).")
    Path file;

    @Option(names = "--chunk-size", defaultValue = "" + ImportReadingsCommand.DEFAULT_CHUNK_SIZE,
            description = "Readings validated and written together. Default: ${DEFAULT-VALUE}.")
    int chunkSize;

    @Option(names = "--commit", defaultValue = "file",
            description = "file: all or nothing for the whole file (default); chunk: each chunk all or nothing, earlier chunks stay.")
    String commit;

    @Option(names = "--skip-validation",
            description = "Skip the ordering and plausibility rules, as an admin's skip_validation does. Duplicates are still refused.")
    boolean skipValidation;

    @Option(names = "--delimiter",
            description = "Field separator: ',' ';' or 'tab'. Default: found from the header line (semicolons and no comma: ';').")
    String delimiter;

    @Option(names = "--decimal-comma", arity = "0..1", fallbackValue = "true",
            description = "Values write a decimal comma (1234,5 or 1.234,5). Default: yes for ';'-separated files.")
    Boolean decimalComma;

    @Option(names = "--url",
            description = "Base URL of a running service to upload the file to (e.g. http://localhost:8080) instead of importing"
                    + " into the store directly. Default: the local service, when it holds the embedded store's data directory.")
    String url;

    @Option(names = "--token",
            description = "Admin bearer token for --url. Default: one minted with the service's configured HS256 secret.")
    String token;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        ImportCommit mode = switch (commit) {
            case "file" -> ImportCommit.FILE;
            case "chunk" -> ImportCommit.CHUNK;
            default -> null;
        };
        if (mode == null) {
            err.println("--commit must be file or chunk, not " + commit);
            return REFUSED;
        }
        if (chunkSize < 1 || chunkSize > ImportReadingsCommand.MAX_CHUNK_SIZE) {
            err.println("--chunk-size must be 1 to " + ImportReadingsCommand.MAX_CHUNK_SIZE + ", not " + chunkSize);
            return REFUSED;
        }
        CsvDialect dialect;
        try {
            dialect = new CsvDialect(CsvDialect.separatorNamed(delimiter), decimalComma);
        } catch (IllegalArgumentException e) {
            err.println("--delimiter must be ',', ';' or tab, not " + delimiter);
            return REFUSED;
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            err.println("Cannot read " + file);
            return REFUSED;
        }
        Configuration config;
        try {
            config = Configuration.from(System.getenv());
        } catch (ConfigurationException e) {
            err.println("Cannot start: " + e.getMessage());
            return 1;
        }
        if (url != null || (config.embeddedStore() && RunningService.holds(config.dataDir()))) {
            // the embedded store admits one process: a running service imports the file for us
            return remote(url != null ? url : "http://127.0.0.1:" + config.httpPort(), config, mode, err);
        }
        if (UploadedFiles.formatOf(file).equals(ImportJobService.MSCONS)) {
            return mscons(config, err);
        }
        // the header is checked before the store starts, so a wrong file is refused at once
        Reader in;
        ReadingsCsv csv;
        try {
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return REFUSED;
        }
        try {
            csv = new ReadingsCsv(in, config.businessZone(), dialect);
        } catch (ImportException | UncheckedIOException e) {
            closeQuietly(in);
            err.println("Import refused (invalid_file): " + fileProblem(e));
            err.println("Nothing was stored.");
            return REFUSED;
        }
        MeteringServer server;
        try {
            Clock clock = Clock.systemUTC();
            server = MeteringServer.start(config, clock, new JwtAuthenticator(Serving.jwtSettings(config), clock));
        } catch (ConfigurationException | EmbeddedDatabaseException e) {
            closeQuietly(in);
            err.println("Cannot start: " + e.getMessage());
            return 1;
        }
        long started = System.nanoTime();
        Caller caller = Caller.admin(new OrganizationId(org), "cli-import");
        try (server; in; csv;
                Prefetch<ReadingInput> records = new Prefetch<>(csv.needsLocator() ? csv.locateWith(server.counterLocator().locator(caller)) : csv, 40)) {
            ImportReport report;
            // the bar is finished and closed (its line ended) before the summary is printed, as for --url
            try (ProgressBar bar = noProgress ? null : bar(estimateRows(file))) {
                ImportProgress progress = (rows, committed) -> {
                    if (bar != null) {
                        bar.stepTo(rows);
                        bar.setExtraMessage(committed ? "committed" : "");
                    }
                };
                report = server.importer().importReadings(new ImportReadingsCommand(
                        caller, records, chunkSize, mode, !skipValidation), progress);
                if (bar != null) {
                    bar.maxHint(report.rows());
                    bar.stepTo(report.rows());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s, %d chunk(s), %d checked reading by reading%n",
                    imported(report.rows(), seconds), report.chunks(), report.chunksCheckedReadingByReading());
            printImplausible(report.implausible());
            return 0;
        } catch (MeteringException | ImportException | UncheckedIOException e) {
            err.println();
            err.println("Import refused (" + (e instanceof MeteringException m ? m.reason().code() : "invalid_file") + "): "
                    + (e instanceof MeteringException ? e.getMessage() : fileProblem(e)));
            if (e instanceof MeteringException m) {
                ImportJob.Refusal refusal = ImportJobService.refusal(m, csv::lineOf);
                if (refusal.row() != null) {
                    err.println(refusedRow(refusal.row(), refusal.line()));
                }
            }
            err.println(mode == ImportCommit.FILE ? "Nothing was stored."
                    : "The chunks before the refused reading's chunk were stored; readings[i] counts data rows from 0.");
            return REFUSED;
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }

    /** Imports an MSCONS interchange whole: read before the store starts, stored all or nothing. */
    private int mscons(Configuration config, PrintStream err) {
        List<MeteredMessage> messages;
        try {
            messages = UploadedFiles.messages(file);
        } catch (MeteringException e) {
            err.println("Import refused (" + e.reason().code() + "): " + e.getMessage());
            err.println("Nothing was stored.");
            return REFUSED;
        }
        Clock clock = Clock.systemUTC();
        try (MeteringServer server = MeteringServer.start(config, clock, new JwtAuthenticator(Serving.jwtSettings(config), clock))) {
            long started = System.nanoTime();
            ImportMeteredDataUseCase.Report report = server.meteredImporter()
                    .importMessages(Caller.admin(new OrganizationId(org), "cli-import"), messages);
            System.out.printf("Imported %d message(s): %d interval values, %d readings in %.1f s%n", messages.size(),
                    report.intervalValues(), report.readings(), (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (ConfigurationException | EmbeddedDatabaseException e) {
            err.println("Cannot start: " + e.getMessage());
            return 1;
        } catch (MeteringException e) {
            err.println("Import refused (" + e.reason().code() + "): " + e.getMessage());
            err.println("Nothing was stored.");
            return REFUSED;
        }
    }

    /** Uploads the file to a running service and follows its import job. */
    private int remote(String base, Configuration config, ImportCommit mode, PrintStream err) {
        String bearer = token != null ? token : RunningService.adminToken(config, org);
        if (bearer == null) {
            err.println("Cannot mint an admin token for " + base + " (no HS256 secret configured); give --token.");
            return 1;
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("commit", commit);
        query.put("chunk_size", Integer.toString(chunkSize));
        query.put("skip_validation", Boolean.toString(skipValidation));
        query.put("delimiter", delimiter);
        query.put("decimal_comma", decimalComma == null ? null : decimalComma.toString());
        long started = System.nanoTime();
        RemoteImport.Outcome outcome;
        // the bar is closed (its line ended) before anything else is printed, so no summary is glued to it
        try (ProgressBar bar = noProgress ? null : bar(estimateRows(file))) {
            outcome = new RemoteImport(base, bearer, org).run(file, query, rows -> {
                if (bar != null) {
                    bar.stepTo(rows);
                }
            });
        } catch (IOException e) {
            err.println("Cannot import through " + base + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        if (outcome.job() != null) {
            err.println("Uploaded to " + base + "; import job " + outcome.job());
        }
        if (!outcome.stored()) {
            err.println("Import refused (" + outcome.reason() + "): " + outcome.message());
            if (outcome.row() != null) {
                err.println(refusedRow(outcome.row(), outcome.line()));
            }
            err.println(mode == ImportCommit.FILE ? "Nothing was stored."
                    : outcome.rows() + " readings of the chunks before the refused reading's chunk were stored.");
            return REFUSED;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s through %s%n", imported(outcome.rows(), seconds), base);
        printImplausible(outcome.implausible());
        return 0;
    }

    /** The summary's start: {@code Imported 1 reading in 0.4 s}, {@code Imported 60000 readings in 2.6 s (23253 readings/s)}. */
    static String imported(long rows, double seconds) {
        return String.format("Imported %d %s in %.1f s%s", rows, rows == 1 ? "reading" : "readings", seconds, rate(rows, seconds));
    }

    /**
     * The summary's rate, {@code " (N readings/s)"}, or nothing for no rows or an import under a second: its
     * time is mostly start-up and polling, so a rate from it says nothing (and rounded to "0 readings/s"
     * for a row or two). Below 10 readings/s it keeps one decimal, so a slow import never shows 0.
     */
    static String rate(long rows, double seconds) {
        if (rows == 0 || seconds < MIN_SECONDS_FOR_RATE) {
            return "";
        }
        double perSecond = rows / seconds;
        return String.format(perSecond < 10 ? " (%.1f readings/s)" : " (%.0f readings/s)", perSecond);
    }

    /**
     * Which row was refused, counted as {@code rows_read} counts (docs/import-export.md): the rows
     * read are those up to and including the refused one, whichever chunk it is in.
     */
    static String refusedRow(long row, Long line) {
        return "Refused at data row " + (row + 1) + " (readings[" + row + "]" + (line == null ? "" : ", line " + line) + "); "
                + (row + 1) + " row(s) read.";
    }

    /** Implausible readings take no part in ordering checks: say so, or a decreasing pair passes unnoticed. */
    private static void printImplausible(long implausible) {
        System.out.printf("%d reading(s) left with status implausible%s%n", implausible,
                implausible == 0 ? "" : " (kept out of ordering checks and consumption until an admin marks them valid)");
    }

    /** What is wrong with the file, in words: a decoding failure means the file is not UTF-8 text. */
    static String fileProblem(RuntimeException e) {
        return UploadedFiles.problem(e);
    }

    private static void closeQuietly(Reader in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read from it that could be lost
        }
    }

    private static ProgressBar bar(long estimatedRows) {
        return new ProgressBarBuilder()
                .setTaskName("import")
                .setInitialMax(estimatedRows)
                .setUnit(" rows", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                // no speed of its own: it counted from the bar's start, disagreed with the summary's rate and
                // was garbled before the first step ("? rows/s", ".0 rows/s"); the summary gives the rate
                .setUpdateIntervalMillis(500)
                .build();
    }

    /** The data rows of the file, from its line breaks (quoted line breaks make it an overestimate). */
    static long estimateRows(Path file) throws IOException {
        long lines = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return Math.max(0, lines - 1);
    }
}
