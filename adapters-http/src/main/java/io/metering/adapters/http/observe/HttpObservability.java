package io.metering.adapters.http.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the HTTP adapter reports to operators besides its log: request metrics into a registry, and
 * whether the API port serves {@code GET /metrics} ({@link MetricsRoute}).
 *
 * @param registry the registry request timers go to
 * @param metricsToken when present, the API port serves {@code /metrics} to requests bearing it;
 *     empty: not on the API port
 * @param scrape the Prometheus text of every metric
 */
public record HttpObservability(MeterRegistry registry, Optional<String> metricsToken, Supplier<String> scrape) {
    /** @throws NullPointerException if a part is missing */
    public HttpObservability {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(metricsToken, "metricsToken");
        Objects.requireNonNull(scrape, "scrape");
    }

    /** No metrics: timers go to a registry nobody reads, {@code /metrics} is not served. */
    public static HttpObservability none() {
        return new HttpObservability(new CompositeMeterRegistry(), Optional.empty(), () -> "");
    }
}
