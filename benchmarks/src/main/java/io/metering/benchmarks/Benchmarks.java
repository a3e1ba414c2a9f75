package io.metering.benchmarks;

import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.persistence.PostgresPersistence;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The benchmark harness (docs/benchmarks.md): runs the service jar in a child JVM against plain
 * PostgreSQL (the embedded store) and/or TimescaleDB, and measures each benchmark against the raw
 * database in the same run on the same server. Prints a Markdown table and appends it to
 * {@code <work>/results.md}. Options are {@code --name value}; see {@link #DEFAULTS}.
 */
public final class Benchmarks {
    /** The organisation whose counters take the ingest warm-up rows, apart from the measured ones. */
    private static final String WARMUP_ORG = "bench-ingest-warmup";

    /**
     * The JVM options of the service by default: what the README recommends for a service that
     * ingests steadily (tiered C2, 256 MB heap, serial GC that grows the heap only to 20 % free
     * and gives back beyond 40 %, docs/benchmarks.md "Settings chosen by measurement"; the
     * class-data archive is added by option {@code cds}). The one place to change when that
     * recommendation changes.
     */
    static final String PRODUCTION_JVM_OPTS = "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40 -XX:-ShrinkHeapInSteps";

    /** The read table's hours per counter in the long variant: 1,000 counters x 100,000 hours = 100 million readings. */
    static final String LONG_READ_HOURS = "100000";

    /** The benchmarks the long variant runs unless {@code only} is given: what the 100-million-row figures need. */
    static final String LONG_ONLY = "ingest,read";

    /** Every option with its default. */
    static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("jar", "bootstrap/target/metering.jar");
        DEFAULTS.put("work", "benchmarks/target/run");
        DEFAULTS.put("modes", "plain,timescale");
        DEFAULTS.put("timescale", "127.0.0.1:55442");
        DEFAULTS.put("jvm-opts", PRODUCTION_JVM_OPTS);
        DEFAULTS.put("pool-size", "8");
        DEFAULTS.put("clients", "4");
        DEFAULTS.put("ingest-paths", "/v2/metering/readings,/v1/metering/readings");
        DEFAULTS.put("ingest-counters", "200");
        DEFAULTS.put("ingest-readings", "1000");
        DEFAULTS.put("ingest-warmup-rows", "2000000");
        DEFAULTS.put("import-counters", "1000");
        DEFAULTS.put("import-hours", "1000");
        DEFAULTS.put("read-counters", "1000");
        DEFAULTS.put("read-hours", "10000");
        DEFAULTS.put("queries", "2000");
        DEFAULTS.put("read-warmup-queries", "1000");
        DEFAULTS.put("series-queries", "20");
        DEFAULTS.put("restarts", "5");
        DEFAULTS.put("only", "ingest,events,import,read,startup");
        DEFAULTS.put("cds", "true");
        DEFAULTS.put("long", "false");
        DEFAULTS.put("keep-data", "false");
    }

    private final Map<String, String> options;
    private final Path work;
    private List<String> jvmOptions;
    private final Table table = new Table();

    private Benchmarks(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Path.of(options.get("work")).toAbsolutePath();
        this.jvmOptions = Arrays.stream(options.get("jvm-opts").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        Files.createDirectories(work);
    }

    /**
     * @param args {@code --option value} pairs
     */
    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(usage());
            return;
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(usage());
            System.exit(2);
            return;
        }
        new Benchmarks(options).run();
    }

    /** The options with their defaults, one a line (docs/benchmarks.md "The command"). */
    static String usage() {
        StringBuilder out = new StringBuilder("usage: java -Xmx2g -jar benchmarks/target/benchmarks.jar [--option value ...]\n"
                + "options (default):\n");
        DEFAULTS.forEach((name, value) -> out.append("  --").append(name).append(" (").append(value).append(")\n"));
        return out.toString();
    }

    /**
     * The options of a run: {@link #DEFAULTS} with the given ones, and the long variant's sizes
     * where {@code --long true} is given without them.
     *
     * @throws IllegalArgumentException for an unknown option or an option without a value
     */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>(DEFAULTS);
        java.util.Set<String> given = new java.util.HashSet<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!DEFAULTS.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (i + 1 == args.length || isOption(args[i + 1])) {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
            options.put(name, args[i + 1]);
            given.add(name);
        }
        if (Boolean.parseBoolean(options.get("long"))) {
            // the long variant (docs/benchmarks.md): the 100-million-row table, unless sizes are given
            if (!given.contains("read-hours")) {
                options.put("read-hours", LONG_READ_HOURS);
            }
            if (!given.contains("only")) {
                options.put("only", LONG_ONLY);
            }
        }
        checkList(options, "modes", "plain", "timescale");
        checkList(options, "only", "ingest", "events", "import", "read", "startup");
        return options;
    }

    /** Refuses a comma-separated option naming anything but {@code known} (before any work starts). */
    private static void checkList(Map<String, String> options, String name, String... known) {
        for (String value : options.get(name).split(",")) {
            if (!Arrays.asList(known).contains(value.trim())) {
                throw new IllegalArgumentException("--" + name + " takes a comma-separated list of " + String.join(", ", known)
                        + ", not '" + value + "'");
            }
        }
    }

    /** Whether an argument names an option rather than giving a value (values never start with {@code --}). */
    private static boolean isOption(String arg) {
        return arg.startsWith("--") && DEFAULTS.containsKey(arg.substring(2));
    }

    private int number(String option) {
        return Integer.parseInt(options.get(option));
    }

    private boolean runs(String benchmark) {
        return Arrays.asList(options.get("only").split(",")).contains(benchmark);
    }

    private void run() throws Exception {
        if (Boolean.parseBoolean(options.get("cds"))) {
            jvmOptions = classDataSharing();
        }
        for (String mode : options.get("modes").split(",")) {
            switch (mode) {
                case "plain" -> plain();
                case "timescale" -> timescale();
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
        String header = "\nRun: " + java.time.Instant.now() + ", options " + new java.util.TreeMap<>(options) + "\n\n";
        Files.writeString(work.resolve("results.md"), header + table.text(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(header + table.text());
    }

    /**
     * The JVM options plus an application class-data archive (AppCDS) of the jar, made by one
     * training start of the service (docs/benchmarks.md: it halves start-up).
     */
    private List<String> classDataSharing() throws Exception {
        Path archive = work.resolve("metering.jsa");
        Files.deleteIfExists(archive);
        Path data = work.resolve("cds-training-data");
        deleteTree(data);
        List<String> training = new ArrayList<>(jvmOptions);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        Map<String, String> env = env();
        env.put("METERING_DATA_DIR", data.toString());
        try (ServiceProcess s = ServiceProcess.serve(Path.of(options.get("jar")).toAbsolutePath(), training, env, freePort(),
                work.resolve("cds-training.log"))) {
            System.out.printf("== class-data archive: training start took %d ms%n", s.readyMillis());
        }
        deleteTree(data); // the training start's own store is not needed once the archive is written
        List<String> with = new ArrayList<>(jvmOptions);
        with.add("-XX:SharedArchiveFile=" + archive);
        return with;
    }

    /** The embedded store: the service's own PostgreSQL, on a port the harness knows. */
    private void plain() throws Exception {
        Path data = work.resolve("plain-data");
        deleteTree(data);
        int dbPort = freePort();
        Map<String, String> env = env();
        env.put("METERING_DATA_DIR", data.toString());
        env.put("METERING_DB_PORT", String.valueOf(dbPort));
        // the embedded store generates its password at first start and keeps it in the data directory
        Path passwordFile = data.resolve("db-password");
        runMode("plain", env, new Db("127.0.0.1", dbPort, () -> readPassword(passwordFile)), "postgres");
        if (!keepData()) {
            // the long variant's 100 million readings take ~28 GB: the next mode must not find them still there
            deleteTree(data);
        }
    }

    /** An external TimescaleDB server (the cluster .ci/timescaledb starts). */
    private void timescale() throws Exception {
        String[] hostPort = options.get("timescale").split(":");
        Db db = new Db(hostPort[0], Integer.parseInt(hostPort[1]), () -> null);
        db.recreate("bench_service");
        Map<String, String> env = env();
        env.put("METERING_DATA_DIR", work.resolve("timescale-data").toString());
        env.put("METERING_JDBC_URL", "jdbc:postgresql://" + options.get("timescale") + "/bench_service");
        env.put("METERING_DB_USER", "postgres");
        runMode("timescale", env, db, "bench_service");
        if (!keepData()) {
            db.drop("bench_service");
            db.drop("bench_raw");
        }
    }

    /** Whether a mode's data stays after the mode (option {@code keep-data}); by default it is removed. */
    private boolean keepData() {
        return Boolean.parseBoolean(options.get("keep-data"));
    }

    private static String readPassword(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).trim() : null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("METERING_JWT_SECRET", Api.SECRET);
        env.put("METERING_DB_POOL_SIZE", options.get("pool-size"));
        return env;
    }

    private void runMode(String mode, Map<String, String> env, Db db, String serviceDb) throws Exception {
        Path jar = Path.of(options.get("jar")).toAbsolutePath();
        Path log = work.resolve(mode + "-service.log");
        Files.deleteIfExists(log);
        int port = freePort();
        double peakRss = 0;
        System.out.printf("== %s: starting the service%n", mode);
        ServiceProcess service = ServiceProcess.serve(jar, jvmOptions, env, port, log);
        List<String> paths = paths();
        List<List<Api.Register>> ingestRegisters = new ArrayList<>();
        List<Api.Register> warmupRegisters = List.of();
        List<Api.Register> importRegisters = List.of();
        List<Api.Register> httpImportRegisters = List.of();
        List<Api.Register> readRegisters = List.of();
        try {
            if (runs("ingest")) {
                for (int i = 0; i < paths.size(); i++) {
                    ingestRegisters.add(new Api(service.base(), ingestOrg(i)).registers(number("ingest-counters")));
                }
                int warmupCounters = number("ingest-warmup-rows") / number("ingest-readings");
                if (warmupCounters > 0) {
                    warmupRegisters = new Api(service.base(), WARMUP_ORG).registers(warmupCounters);
                }
            }
            if (runs("import")) {
                importRegisters = new Api(service.base(), "bench-import").registers(number("import-counters"));
                httpImportRegisters = new Api(service.base(), "bench-import-http").registers(number("import-counters"));
            }
            if (runs("read")) {
                readRegisters = new Api(service.base(), "bench-read").registers(number("read-counters"));
            }
            // the raw side writes into a database of its own with the same schema (a hypertable in TimescaleDB mode)
            db.recreate("bench_raw");
            try (PostgresPersistence ignored = PostgresPersistence.start(DataSources.pooled(db.url("bench_raw"), "postgres", db.password(), 2),
                    PersistenceSettings.defaults())) {
                // migrated
            }

            if (runs("ingest")) {
                if (!warmupRegisters.isEmpty()) {
                    warmUp(mode, service, db, warmupRegisters, paths);
                }
                for (int i = 0; i < paths.size(); i++) {
                    System.out.printf("== %s: ingest, POST %s%n", mode, paths.get(i));
                    MeasuredIngest.run(table, mode, "ingest, POST " + paths.get(i) + ", 100/request, " + options.get("clients") + " clients, "
                            + number("ingest-counters") + " counters, after " + (long) warmupRegisters.size() * number("ingest-readings")
                            + " warm-up rows", ">= 0.5", service, db,
                            new MeasuredIngest.Target("bench_raw", ingestOrg(i), ingestOrg(i), paths.get(i)), ingestRegisters.get(i),
                            number("ingest-readings"), number("clients"));
                    peakRss = Math.max(peakRss, service.peakRssMiB());
                }
            }

            if (runs("events")) {
                ChangeEvents.Outcome events = ChangeEvents.run(table, mode, service, e -> ServiceProcess.serve(jar, jvmOptions, e, port, log),
                        env, db, paths.get(0), number("ingest-counters"), number("ingest-readings"), number("clients"));
                service = events.service();
                peakRss = Math.max(peakRss, events.peakRssMiB());
            }

            if (runs("import")) {
                System.out.printf("== %s: import%n", mode);
                Path csv = work.resolve("import.csv");
                Path copyText = work.resolve("import.copy");
                Import.files(importRegisters, number("import-hours"), "bench-import", csv, copyText);
                long rows = (long) importRegisters.size() * number("import-hours");
                Import.Result raw = Import.raw(db, "bench_raw", copyText, rows);
                service.close(); // the embedded store admits one user of its data directory
                Path importLog = work.resolve(mode + "-import.log");
                Files.deleteIfExists(importLog);
                Import.Result cli = Import.viaCli(jar, jvmOptions, env, "bench-import", csv, importLog);
                row(mode, "bulk import of " + rows + " rows, CLI, validation on, one transaction (rows/s; whole process s)",
                        String.format(Locale.ROOT, "%.0f (%.1f s)", cli.rows() / cli.seconds(), cli.processSeconds()),
                        String.format(Locale.ROOT, "%.0f (COPY)", raw.rows() / raw.seconds()), raw.seconds() / cli.seconds(), ">= 0.7");
                service = ServiceProcess.serve(jar, jvmOptions, env, port, log);

                // the same rows over HTTP into the running service, for counters of their own
                Path httpCsv = work.resolve("import-http.csv");
                Import.files(httpImportRegisters, number("import-hours"), "bench-import-http", httpCsv, work.resolve("import-http.copy"));
                Import.Result http = Import.viaHttp(new Api(service.base(), "bench-import-http"), httpCsv);
                row(mode, "bulk import of " + rows + " rows over HTTP into the running service, same rules (rows/s; upload to done s)",
                        String.format(Locale.ROOT, "%.0f (%.1f s)", http.rows() / http.seconds(), http.processSeconds()),
                        String.format(Locale.ROOT, "%.0f (CLI)", cli.rows() / cli.seconds()), cli.seconds() / http.seconds(), ">= 0.8");
                peakRss = Math.max(peakRss, service.peakRssMiB());
            }

            if (runs("read")) {
                ReadPhase read = new ReadPhase(table, mode, db, serviceDb, readRegisters, number("read-hours"));
                read.load();
                read.pages(service, number("read-warmup-queries"), number("queries"));
                read.series(service, number("series-queries"));
                peakRss = Math.max(peakRss, service.peakRssMiB());
                read.footprint();
                if (runs("ingest")) {
                    // after the warm-up above: the 10M (default) or 100M (long variant) figure of the same ingest
                    read.ingest(service, paths.get(0), number("ingest-counters"), number("ingest-readings"), number("clients"));
                    peakRss = Math.max(peakRss, service.peakRssMiB());
                }
            }
        } finally {
            service.close();
        }
        if (peakRss > 0) {
            row(mode, "peak RSS of the service JVM under the loads above (VmHWM, MiB; JVM options " + String.join(" ", jvmOptions) + ")",
                    String.format(Locale.ROOT, "%.0f", peakRss), "", Double.NaN, "<= 256 MB");
        }
        if (runs("startup")) {
            System.out.printf("== %s: start-up%n", mode);
            long[] ready = new long[number("restarts")];
            for (int i = 0; i < ready.length; i++) {
                try (ServiceProcess s = ServiceProcess.serve(jar, jvmOptions, env, port, log)) {
                    ready[i] = s.readyMillis() * 1_000_000L;
                }
            }
            Stats st = new Stats(ready);
            row(mode, "start-up to ready on the existing data, " + ready.length + " runs (median / max ms)",
                    String.format(Locale.ROOT, "%.0f / %.0f", st.p50(), st.quantile(1.0)), "", Double.NaN, "<= 1 s");
        }
    }

    private void row(String mode, String what, String service, String raw, double ratio, String goal) {
        table.row(mode, what, service, raw, ratio, goal);
    }

    /** The ingest paths, the first also the change-events benchmark's. */
    private List<String> paths() {
        return Arrays.stream(options.get("ingest-paths").split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    /** The organisation of the measured ingest through the i-th path, on both sides. */
    private static String ingestOrg(int path) {
        return path == 0 ? "bench-ingest" : "bench-ingest-" + path;
    }

    /**
     * Steady state before the measured ingests: the raw side writes the warm-up rows once, the
     * service the same rows spread over the paths (counter i through path {@code i % paths}), the
     * paths at the same time ({@code clients} split between them), so JIT compilation of every
     * path's parsing, class loading and the pools' first connections stay out of the figures. At
     * the same time because the paths share the writer: warmed one after the other, the code they
     * share was compiled for the last path's profile and compiled again during the first measured
     * one (docs/benchmarks.md, "Steady state: the warm-up").
     */
    private void warmUp(String mode, ServiceProcess service, Db db, List<Api.Register> registers, List<String> paths) throws Exception {
        System.out.printf("== %s: ingest warm-up, %d rows each side%n", mode, (long) registers.size() * number("ingest-readings"));
        Ingest.raw(db, "bench_raw", WARMUP_ORG, registers, number("ingest-readings"), number("clients"));
        int clientsPerPath = Math.max(1, number("clients") / paths.size());
        ExecutorService pool = Executors.newFixedThreadPool(paths.size());
        try {
            List<Future<Ingest.Result>> running = new ArrayList<>();
            for (int k = 0; k < paths.size(); k++) {
                List<Api.Register> share = new ArrayList<>();
                for (int i = k; i < registers.size(); i += paths.size()) {
                    share.add(registers.get(i));
                }
                String path = paths.get(k);
                running.add(pool.submit(() -> Ingest.viaHttp(new Api(service.base(), WARMUP_ORG), path, share,
                        number("ingest-readings"), clientsPerPath)));
            }
            for (Future<Ingest.Result> r : running) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
