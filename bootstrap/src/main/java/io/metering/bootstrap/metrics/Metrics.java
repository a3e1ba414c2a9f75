package io.metering.bootstrap.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's Prometheus registry: JVM and process figures, the connection pool (HikariCP's own
 * Micrometer binder: {@code hikaricp_connections_*}), HTTP requests (the HTTP adapter) and the
 * product's own ({@link ProductMetrics}).
 *
 * <p>The JVM and process figures are bound by {@link #bindJvmFigures} on a thread of their own once
 * the service serves: binding them (JMX's notification listeners, the operating system's beans)
 * costs about 100 ms of CPU that a start would otherwise spend before it is ready. A scrape waits for
 * them, so no scrape lacks them.
 */
public final class Metrics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final ProductMetrics product = new ProductMetrics(registry);

    /** Completes when the JVM and process figures are bound; null until {@link #bindJvmFigures} is called. */
    private volatile CompletableFuture<Void> jvmFigures;

    /** A registry with the product's figures; the JVM's follow with {@link #bindJvmFigures}. */
    public Metrics() {
    }

    /** Binds the JVM and process figures on a daemon thread; calling it again changes nothing. */
    public synchronized void bindJvmFigures() {
        if (jvmFigures != null) {
            return;
        }
        CompletableFuture<Void> bound = new CompletableFuture<>();
        jvmFigures = bound;
        Thread binding = new Thread(() -> {
            try {
                new ClassLoaderMetrics().bindTo(registry);
                new JvmMemoryMetrics().bindTo(registry);
                gc.bindTo(registry);
                new JvmThreadMetrics().bindTo(registry);
                new ProcessorMetrics().bindTo(registry);
                new UptimeMetrics().bindTo(registry);
                new FileDescriptorMetrics().bindTo(registry);
                bound.complete(null);
            } catch (RuntimeException | Error e) {
                LOG.warn("The JVM's figures could not be bound; the service's own are still served", e);
                bound.completeExceptionally(e);
            }
        }, "metrics-jvm");
        binding.setDaemon(true);
        binding.start();
    }

    /** Binds a connection pool, which must not have a metrics tracker yet. */
    public void bind(HikariDataSource pool) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /** The registry. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The product's figures. */
    public ProductMetrics product() {
        return product;
    }

    /** Every metric in the Prometheus text format. */
    public String scrape() {
        awaitJvmFigures();
        return registry.scrape();
    }

    @Override
    public void close() {
        awaitJvmFigures(); // a binding still running would register its listeners after gc.close()
        gc.close();
        registry.close();
    }

    private void awaitJvmFigures() {
        CompletableFuture<Void> bound = jvmFigures;
        if (bound == null) {
            return;
        }
        try {
            bound.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // the product's and the pool's figures are still worth serving
        }
    }
}
