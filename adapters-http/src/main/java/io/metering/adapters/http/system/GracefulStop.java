package io.metering.adapters.http.system;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * Graceful stop of the HTTP server: on stop (the service's SIGTERM hook) Jetty first stops
 * accepting connections, answers requests that arrive on open connections with 503, and waits for
 * the requests already running to complete before it closes the connections. Neither Jetty nor
 * Javalin does this by default: Jetty's stop timeout is 0 and nothing tracks running requests, so a
 * stop cut every in-flight request off.
 *
 * <p>Connections that are idle during the stop, or whose client stalls while sending a request, are
 * closed after Jetty's shutdown idle timeout (1 s); a request being handled is not affected by it.
 */
public final class GracefulStop {
    /**
     * How long a stop waits for running requests: well inside the 30 s an orchestrator such as
     * Kubernetes grants between SIGTERM and SIGKILL by default, leaving time to stop the database.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private GracefulStop() {}

    /** Configures the server of an app being created. */
    public static void install(JavalinConfig config) {
        config.jetty.modifyServer(server -> {
            // Javalin attaches its servlet context inside the innermost wrapper, so this one wraps all requests
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(TIMEOUT.toMillis());
        });
    }
}
