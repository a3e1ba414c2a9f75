package io.metering.adapters.http.system;

import io.javalin.config.JavalinConfig;
import java.time.Duration;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Graceful stop of the HTTP server: on stop (the service's SIGTERM hook) Jetty first stops
 * accepting connections, answers requests that arrive on open connections with 503, and waits for
 * the requests already running to complete before it closes the connections. Neither Jetty nor
 * Javalin does this by default: Jetty's stop timeout is 0 and nothing tracks running requests, so a
 * stop cut every in-flight request off.
 *
 * <p>Connections that are idle during the stop, or whose client stalls while sending a request, are
 * closed after {@link #IDLE_CONNECTIONS} (Jetty's default, 1 s, made every stop with an idle
 * keep-alive client a second long); a request being handled is not affected by it.
 */
public final class GracefulStop {
    /**
     * How long a stop waits for running requests: well inside the 30 s an orchestrator such as
     * Kubernetes grants between SIGTERM and SIGKILL by default, leaving time to stop the database.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** How long a connection may sit idle, or stall mid-request, once the stop has begun. */
    public static final Duration IDLE_CONNECTIONS = Duration.ofMillis(200);

    private GracefulStop() {}

    /** Configures the server of an app being created. */
    public static void install(JavalinConfig config) {
        config.jetty.modifyServer(server -> {
            // Javalin attaches its servlet context inside the innermost wrapper, so this one wraps all requests
            server.setHandler(new GracefulHandler());
            server.setStopTimeout(TIMEOUT.toMillis());
            // the connectors exist only once Javalin starts the server
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector c : server.getConnectors()) {
                        if (c instanceof AbstractConnector connector) {
                            connector.setShutdownIdleTimeout(IDLE_CONNECTIONS.toMillis());
                        }
                    }
                }
            });
        });
    }
}
