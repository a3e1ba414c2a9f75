package io.metering.adapters.persistence.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.PersistenceSettings;
import io.metering.adapters.persistence.PostgresPersistence;
import io.metering.adapters.persistence.SharedPostgres;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * A migrated database of the shared test server, seen through one connection that records every statement the adapter
 * runs and the plan PostgreSQL chose for it: the generic plan, as the service's pools use. Plans come from {@code auto_explain} raised as notices
 * (verbose, so that expressions show whether a subplan is hashed); sequential scans are switched
 * off, so a plan still scanning a table sequentially has no index that could serve it.
 *
 * <p>Inside a transaction a query's plan is reported when its portal closes, which may be with the
 * next statement or the commit, so plans are collected from statements and commits alike and
 * matched to statements by their query text.
 */
final class RecordingDatabase implements AutoCloseable {
    /** One executed statement and its plan ("" when none was reported). */
    record Executed(String sql, String plan) {}

    private final HikariDataSource pool;
    private final List<String> statements = new ArrayList<>();
    private final List<String> plans = new ArrayList<>();
    final JdbiTransactions transactions;

    RecordingDatabase() {
        // a database of its own, migrated: the planner's statistics are then those of the recorded test's rows alone, the same
        // in a targeted run and in the whole suite, where other classes' rows would be sampled at random by ANALYZE
        String database = SharedPostgres.newDatabase();
        PostgresPersistence.start(DataSources.pooled(SharedPostgres.jdbcUrl(database), SharedPostgres.USER, null, 2),
                PersistenceSettings.defaults()).close();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SharedPostgres.jdbcUrl(database));
        config.setUsername("postgres");
        config.setMaximumPoolSize(1);
        // the plans the service runs: generic ones (DataSources), used from the first execution on
        config.addDataSourceProperty("options", "-c plan_cache_mode=force_generic_plan");
        config.addDataSourceProperty("prepareThreshold", "1");
        config.setConnectionInitSql("LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0;"
                + " SET auto_explain.log_level = 'notice'; SET auto_explain.log_verbose = on; SET enable_seqscan = off");
        pool = new HikariDataSource(config);
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
        jdbi.getConfig(SqlStatements.class).addCustomizer(new StatementCustomizer() {
            @Override
            public void afterExecution(PreparedStatement stmt, StatementContext ctx) throws SQLException {
                statements.add(ctx.getParsedSql().getSql());
                collect(stmt.getWarnings());
            }
        });
        jdbi.setTransactionHandler(new DelegatingTransactionHandler(jdbi.getTransactionHandler()) {
            @Override
            public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
                try {
                    return super.inTransaction(handle, callback);
                } finally {
                    collectFrom(handle);
                }
            }

            @Override
            public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                    HandleCallback<R, X> callback) throws X {
                try {
                    return super.inTransaction(handle, level, callback);
                } finally {
                    collectFrom(handle);
                }
            }
        });
        transactions = new JdbiTransactions(jdbi);
    }

    private void collectFrom(Handle handle) {
        try {
            collect(handle.getConnection().getWarnings());
            handle.getConnection().clearWarnings();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void collect(SQLWarning first) {
        for (SQLWarning w = first; w != null; w = w.getNextWarning()) {
            plans.add(w.getMessage());
        }
    }

    /**
     * Analyzes the readings once and keeps these statistics: autovacuum no longer analyzes the
     * table (nor, on TimescaleDB, its chunks) on its own. It would do so once enough rows changed,
     * at a moment of its own, so that a plan asked for after a test deleted or updated readings
     * would depend on whether it had come yet. The table is smaller than ANALYZE's sample, so the
     * statistics are the same every run.
     */
    void freezeReadingStatistics() {
        transactions.inTransaction(() -> {
            transactions.read(h -> {
                List<String> tables = new ArrayList<>(h.createQuery("SELECT inhrelid::regclass::text FROM pg_inherits"
                        + " WHERE inhparent = 'reading'::regclass").mapTo(String.class).list());
                tables.add("reading");
                for (String table : tables) {
                    h.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
                }
                h.execute("ANALYZE reading");
                return null;
            });
            return null;
        });
    }

    /** Forgets what ran so far. */
    void reset() {
        statements.clear();
        plans.clear();
    }

    /** What ran since the last reset, transaction control excluded, each with its plan. */
    List<Executed> executed() {
        List<Executed> out = new ArrayList<>();
        for (String sql : statements) {
            if (sql.startsWith("SET TRANSACTION")) {
                continue;
            }
            String sent = "Query Text: " + numbered(sql) + "\n";
            out.add(new Executed(sql, plans.stream().filter(p -> p.contains(sent)).findFirst().orElse("")));
        }
        return out;
    }

    /** The statement as the driver sends it: {@code ?} placeholders become {@code $1, $2, ...}. */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                out.append('$').append(++n);
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        pool.close();
    }
}
