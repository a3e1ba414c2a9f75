package io.metering.bootstrap.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How operators see and reach the service (docs/operations.md): the interface the API binds to,
 * Prometheus metrics, the log format.
 *
 * @param httpHost the address the API (and the management port) binds to; empty: every interface
 * @param metricsToken when present, {@code GET /metrics} answers requests bearing this token
 * @param managementPort when present, a second port serving only {@code GET /metrics}
 * @param jsonLogs whether log lines are JSON objects instead of text
 */
public record OperationsConfiguration(Optional<String> httpHost, Optional<String> metricsToken, Optional<Integer> managementPort,
        boolean jsonLogs) {
    /** The shortest metrics token accepted: long enough not to be guessed. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** Every setting with its default; part of the README's configuration table. */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("METERING_HTTP_HOST", null, "Address the HTTP API binds to, e.g. 127.0.0.1 behind a reverse proxy. Unset: every interface."),
            new Setting("METERING_METRICS_TOKEN", null, "When set (at least 16 characters), GET /metrics serves Prometheus metrics to requests bearing this token (Authorization: Bearer ...); every other request gets 404. Unset: no /metrics on the API port."),
            new Setting("METERING_MANAGEMENT_PORT", null, "When set, a second port (on METERING_HTTP_HOST) serving only GET /metrics, asking for METERING_METRICS_TOKEN when that is set."),
            new Setting("METERING_LOG_FORMAT", "text", "text: one line of text per event; json: one JSON object per line, with the request's correlation id, trace id, route, organization and caller kind."));

    /** No metrics, every interface, text logs: what the service did before these settings. */
    public static OperationsConfiguration defaults() {
        return new OperationsConfiguration(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** Whether {@code /metrics} is served anywhere. */
    public boolean metricsEnabled() {
        return metricsToken.isPresent() || managementPort.isPresent();
    }

    /**
     * @param env environment variables
     * @throws ConfigurationException naming the first malformed setting
     */
    public static OperationsConfiguration from(Map<String, String> env) {
        Optional<String> token = optional(env, "METERING_METRICS_TOKEN");
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw new ConfigurationException("METERING_METRICS_TOKEN must be at least " + MIN_TOKEN_LENGTH + " characters long");
        }
        Optional<Integer> management = optional(env, "METERING_MANAGEMENT_PORT").map(OperationsConfiguration::port);
        String format = optional(env, "METERING_LOG_FORMAT").orElse("text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new ConfigurationException("METERING_LOG_FORMAT must be text or json, not '" + format + "'");
        }
        return new OperationsConfiguration(optional(env, "METERING_HTTP_HOST"), token, management, format.equals("json"));
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private static int port(String v) {
        try {
            int p = Integer.parseInt(v);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ConfigurationException("METERING_MANAGEMENT_PORT must be a port number, not '" + v + "'");
    }

    @Override
    public String toString() {
        // the metrics token never reaches logs
        return "OperationsConfiguration[httpHost=" + httpHost.orElse("(every interface)") + ", metricsToken="
                + (metricsToken.isPresent() ? "***" : "(unset)") + ", managementPort=" + managementPort.map(String::valueOf).orElse("(unset)")
                + ", logFormat=" + (jsonLogs ? "json" : "text") + "]";
    }
}
