package io.metering.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.sql.SQLException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * A HikariCP pool, configured as the service's (so the adapter treats it as the service's pool),
 * that records every round trip its connections make to the database while recording is on: each
 * statement executed (its SQL) and each commit or rollback that pgjdbc sends (a statement may end the
 * transaction itself with a {@code COMMIT} sent along: then the commit after it sends nothing). pgjdbc sends the {@code BEGIN} of a
 * transaction together with its first statement, so that is no round trip of its own. The pool's
 * own checks (validation, connection set-up) run beneath the counting and are not counted.
 */
final class CountingDataSource extends HikariDataSource {
    private final List<String> trips = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean recording;

    /** @param config the settings of the pool to count on (a copy of the service's pool's) */
    CountingDataSource(HikariConfig config) {
        super(config);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return proxy(Connection.class, super.getConnection(), this::onConnection);
    }

    /** Starts recording, forgetting what was recorded before. */
    void start() {
        trips.clear();
        recording = true;
    }

    /** Stops recording and returns the round trips since {@link #start()}: SQL, {@code COMMIT} or {@code ROLLBACK}. */
    List<String> stop() {
        recording = false;
        synchronized (trips) {
            return List.copyOf(trips);
        }
    }

    private Object onConnection(Object connection, Method m, Object[] a) throws Throwable {
        switch (m.getName()) {
            // pgjdbc sends nothing for a commit or rollback outside a transaction (one ended by a COMMIT sent with a statement)
            case "commit" -> record(inTransaction(connection) ? "COMMIT" : null);
            case "rollback" -> record(inTransaction(connection) ? "ROLLBACK" : null);
            default -> { }
        }
        Object result = call(connection, m, a);
        String sql = a != null && a.length > 0 && a[0] instanceof String s ? s : null;
        if (result instanceof CallableStatement s) {
            return proxy(CallableStatement.class, s, statement(sql));
        }
        if (result instanceof PreparedStatement s) {
            return proxy(PreparedStatement.class, s, statement(sql));
        }
        if (result instanceof Statement s) {
            return proxy(Statement.class, s, statement(null));
        }
        return result;
    }

    private Handler statement(String prepared) {
        return (s, m, a) -> {
            if (m.getName().startsWith("execute")) {
                record(a != null && a.length > 0 && a[0] instanceof String sql ? sql : prepared);
            }
            return call(s, m, a);
        };
    }

    private static boolean inTransaction(Object connection) throws SQLException {
        return ((Connection) connection).unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE;
    }

    /** @param trip the round trip, null for none */
    private void record(String trip) {
        if (recording && trip != null) {
            trips.add(trip);
        }
    }

    private interface Handler {
        Object handle(Object target, Method m, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler h = (p, m, a) -> {
            if (m.getName().equals("unwrap") || m.getName().equals("isWrapperFor")) {
                return call(target, m, a);
            }
            return handler.handle(target, m, a);
        };
        return type.cast(Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object call(Object target, Method m, Object[] a) throws Throwable {
        try {
            return m.invoke(target, a);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
