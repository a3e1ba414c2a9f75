package io.metering.bootstrap;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes {@code java.util.logging} (and {@code System.Logger}, which writes to it by default) into
 * the service's logging (logback, {@code METERING_LOG_FORMAT}), so that the application module's
 * lines, e.g. "webhook disabled", share the format and stream of every other line instead of going
 * to stderr as plain JUL text in local time (docs/operations.md, "Logs").
 */
public final class JulBridge {
    private JulBridge() {}

    /** Replaces JUL's console handler by the bridge; calling it again changes nothing. */
    public static synchronized void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
