package io.metering.adapters.http;

import java.util.Optional;

/**
 * Liveness of the process, asked by {@code GET /health}: whether the service can still heal itself.
 * It must never wait for a dependency: a database outage the service rides out is a readiness
 * matter ({@link HealthCheck}); only a failure the process cannot recover from without a restart
 * (e.g. its embedded database that stays down) makes it not live, so an orchestrator restarts it.
 */
@FunctionalInterface
public interface LivenessCheck {
    /** Always live; for setups that have nothing to heal in-process (e.g. an external database). */
    LivenessCheck ALWAYS_LIVE = Optional::empty;

    /**
     * @return empty while the process is live; otherwise why it needs a restart (the probe's
     *     {@code message})
     */
    Optional<String> failure();
}
