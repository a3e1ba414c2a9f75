package io.metering.adapters.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.postgresql.PGConnection;

/**
 * Switches every physical connection to {@code plan_cache_mode=force_custom_plan} once, the first
 * time a handle borrows it: the plan cache mode of TimescaleDB mode.
 *
 * <p>Why (docs/timescale.md "Plans per storage mode"): a generic plan of a statement on the
 * hypertable names every chunk, and PostgreSQL locks every relation of a cached plan before each
 * execution, so each statement costs O(chunks) even when TimescaleDB excludes the chunks at executor
 * start-up. A custom plan is made with the statement's time bounds and names only the chunks they
 * touch (plan-time exclusion). One {@code set_config} round trip per physical connection, not per
 * transaction: the pool keeps its connections.
 */
final class CustomPlans implements HandleListener {
    /** The plan cache mode of pooled connections in TimescaleDB mode. */
    static final String MODE = "force_custom_plan";

    private final Set<PGConnection> switched = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Override
    public void handleCreated(Handle handle) {
        Connection connection = handle.getConnection();
        PGConnection physical;
        try {
            physical = connection.unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("not a PostgreSQL connection", e);
        }
        if (!switched.contains(physical)) {
            handle.createQuery("SELECT set_config('plan_cache_mode', :mode, false)").bind("mode", MODE).mapTo(String.class).one();
            switched.add(physical);
        }
    }
}
