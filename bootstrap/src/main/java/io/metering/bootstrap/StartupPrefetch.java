package io.metering.bootstrap;

import io.metering.adapters.http.json.JsonMapping;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.adapters.web.WebPortal;
import java.util.concurrent.Executor;

/**
 * Start-up work done on the main thread while the store opens on its own thread ({@link OpenedStore}:
 * the embedded PostgreSQL's start, the pool, the migrations): loading and initializing classes the
 * steps need anyway (Jdbi's, ahead of the store thread's storage-mode probe; JSON) and copying the
 * web pages' static files out of the jar, so that they overlap with the wait for the server. Nothing
 * here touches the store or keeps state beyond what the JVM caches itself and the copies the web
 * pages serve anyway (docs/benchmarks.md, "Start-up"). Flyway is not among them: a start on a
 * current schema does not load it.
 */
final class StartupPrefetch {
    private StartupPrefetch() {
    }

    /** Runs each task in a new daemon thread of that name: a start is one task, done once. */
    static Executor thread(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /** Loads what the steps after the store's start use first. */
    static void run() {
        PostgresPersistence.prepare();
        JsonMapping.create();
        WebPortal.prepare();
    }
}
