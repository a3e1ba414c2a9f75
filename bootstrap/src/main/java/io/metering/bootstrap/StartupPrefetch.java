package io.metering.bootstrap;

import io.metering.adapters.http.json.JsonMapping;
import io.metering.adapters.persistence.schema.Migrations;
import java.util.concurrent.Executor;

/**
 * Start-up work done while the embedded PostgreSQL starts in its own processes, instead of after
 * it: loading and initializing the classes the next steps need anyway (schema migrations, JSON),
 * so that they overlap with the wait for the server. Nothing here touches the store or keeps
 * state beyond what the JVM caches itself (docs/benchmarks.md, "Start-up").
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
        Migrations.prepare();
        JsonMapping.create();
    }
}
