package io.metering.bootstrap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * The product's own figures, for Prometheus (docs/operations.md lists them):
 * <ul>
 *   <li>{@code metering_readings_written_total}: readings stored by the write operations and imports;</li>
 *   <li>{@code metering_readings_refused_total{reason}}: write requests refused, by the answer's
 *       {@code reason} ({@code less_than_previous}, {@code duplicate_reading}, ...);</li>
 *   <li>{@code metering_changesets_pending}: changesets awaiting an admin's decision;</li>
 *   <li>{@code metering_imports_running} and {@code metering_import_rows_total}: bulk imports;</li>
 *   <li>{@code metering_embedded_database_restarts_total}: restarts of the embedded PostgreSQL by
 *       its watchdog.</li>
 * </ul>
 * The application and the domain know nothing of this: the use cases are counted where they are
 * wired ({@link CountingUseCases}).
 */
public final class ProductMetrics {
    private final MeterRegistry registry;
    private final Counter written;
    private final Counter importRows;
    private final Counter databaseRestarts;
    private final AtomicInteger importsRunning = new AtomicInteger();

    /** @param registry where the meters live */
    public ProductMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.written = Counter.builder("metering.readings.written").description("Readings stored by writes and imports")
                .register(registry);
        this.importRows = Counter.builder("metering.import.rows").description("Readings stored by bulk imports").register(registry);
        this.databaseRestarts = Counter.builder("metering.embedded.database.restarts")
                .description("Restarts of the embedded PostgreSQL by its watchdog").register(registry);
        Gauge.builder("metering.imports.running", importsRunning, AtomicInteger::get).description("Bulk imports running")
                .register(registry);
    }

    /** Counts readings stored. */
    public void written(long readings) {
        if (readings > 0) {
            written.increment(readings);
        }
    }

    /** Counts a refused write by its reason code. */
    public void refused(String reason) {
        Counter.builder("metering.readings.refused").description("Write requests refused, by reason").tag("reason", reason)
                .register(registry).increment();
    }

    /** Counts a restart of the embedded database. */
    public void databaseRestarted() {
        databaseRestarts.increment();
    }

    /** An import started; call {@link #importEnded} when it ends, however it ends. */
    void importStarted() {
        importsRunning.incrementAndGet();
    }

    void importEnded() {
        importsRunning.decrementAndGet();
    }

    void imported(long rows) {
        if (rows > 0) {
            importRows.increment(rows);
            written(rows);
        }
    }

    /**
     * Registers the gauge of pending changesets, read from the store when scraped.
     *
     * @param source the store
     * @param count counts them; NaN when the store cannot say
     */
    public <T> void pendingChangesets(T source, ToDoubleFunction<T> count) {
        Gauge.builder("metering.changesets.pending", source, count).description("Reading changesets awaiting a decision")
                .strongReference(true).register(registry);
    }
}
