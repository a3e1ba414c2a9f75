package io.metering.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Connection pools for {@link PostgresPersistence}. */
public final class DataSources {
    /** How long a caller waits for a free connection before the pool gives up. */
    static final long CONNECTION_TIMEOUT_MS = 10_000;

    /** The smallest pool {@link PostgresPersistence#start} can work with: Flyway holds two connections while it migrates. */
    public static final int MIN_POOL_SIZE = 2;

    /** The plan cache mode of pooled connections. */
    static final String PLAN_CACHE_MODE = "force_generic_plan";

    /** The isolation every pooled connection is set to when opened. */
    static final String READ_COMMITTED = "TRANSACTION_READ_COMMITTED";

    private DataSources() {}

    /**
     * Whether every connection of the data source starts READ COMMITTED and writable: pools made by
     * {@link #pooled} and HikariCP pools configured alike.
     */
    static boolean startsReadCommitted(javax.sql.DataSource dataSource) {
        return dataSource instanceof HikariDataSource pool && READ_COMMITTED.equals(pool.getTransactionIsolation()) && !pool.isReadOnly();
    }

    /**
     * A HikariCP pool of PostgreSQL connections. The driver rewrites JDBC batches into multi-row
     * inserts ({@code reWriteBatchedInserts=true}); connections name the application in
     * {@code pg_stat_activity} and start READ COMMITTED, read-write.
     *
     * @param jdbcUrl a {@code jdbc:postgresql:} URL
     * @param user the database user
     * @param password the password, may be null
     * @param maxPoolSize the most connections the pool opens, at least {@value #MIN_POOL_SIZE}
     * @return a started pool; close it (or the {@link PostgresPersistence} using it) to release it
     * @throws IllegalArgumentException if the URL is not a PostgreSQL URL or the pool size is below
     *     {@value #MIN_POOL_SIZE}
     * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException if the database cannot be
     *     reached
     */
    public static HikariDataSource pooled(String jdbcUrl, String user, String password, int maxPoolSize) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("expected a jdbc:postgresql: URL, not " + jdbcUrl);
        }
        if (maxPoolSize < MIN_POOL_SIZE) {
            throw new IllegalArgumentException("pool size must be at least " + MIN_POOL_SIZE
                    + " (migrations hold two connections), not " + maxPoolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("metering-postgres");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        // every connection starts READ COMMITTED READ WRITE whatever the server's defaults, so
        // read-write transactions need no SET TRANSACTION round trip (JdbiTransactions)
        config.setTransactionIsolation(READ_COMMITTED);
        config.setReadOnly(false);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "metering");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // Every statement of the adapter is keyed by organization, counter, direction and time, so a
        // generic plan is the plan; re-planning per execution cost more than executing (on a
        // hypertable of 14 chunks a page of getReadingsByInterval planned in 8-19 ms and ran in
        // under 4; docs/benchmarks.md). Server-side prepared statements (the driver's default after
        // five executions) then plan once per connection.
        config.addDataSourceProperty("options", "-c plan_cache_mode=" + PLAN_CACHE_MODE);
        return new HikariDataSource(config);
    }
}
