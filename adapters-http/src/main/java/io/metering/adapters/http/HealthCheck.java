package io.metering.adapters.http;

/**
 * Readiness of the service's dependencies (e.g. the database answers), asked by {@code GET /ready}.
 * Liveness ({@code GET /health}) does not ask it.
 */
@FunctionalInterface
public interface HealthCheck {
    /** Always ready; for tests and setups without external dependencies. */
    HealthCheck ALWAYS_READY = () -> true;

    /**
     * @return whether the service can serve requests now; an exception counts as not ready
     */
    boolean ready();
}
