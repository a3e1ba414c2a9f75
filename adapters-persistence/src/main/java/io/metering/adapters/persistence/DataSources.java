package io.metering.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/** Connection pools for {@link PostgresPersistence}. */
public final class DataSources {
    /**
     * How long a request waits for a connection before the pool gives up, by default: long enough
     * for a busy pool to free one, short enough that a database outage answers 503 well within a
     * client's or load balancer's timeout instead of hanging.
     */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    /** The shortest connection timeout HikariCP accepts. */
    public static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

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
        return pooled(jdbcUrl, user, password, maxPoolSize, DEFAULT_CONNECTION_TIMEOUT);
    }

    /**
     * A pool as {@link #pooled(String, String, String, int)}, waiting at most {@code connectionTimeout}
     * for a connection (a free one, or a new one from an unreachable database); past it the caller
     * gets an error that the adapter reports as
     * {@link io.metering.application.port.out.StoreUnavailableException}.
     *
     * @throws IllegalArgumentException also if the timeout is below {@link #MIN_CONNECTION_TIMEOUT}
     */
    public static HikariDataSource pooled(String jdbcUrl, String user, String password, int maxPoolSize,
            Duration connectionTimeout) {
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("connection timeout must be at least " + MIN_CONNECTION_TIMEOUT.toMillis()
                    + " ms, not " + connectionTimeout.toMillis());
        }
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
        config.setConnectionTimeout(connectionTimeout.toMillis());
        // the alive check of an idle connection must fit in the time a request waits for it
        config.setValidationTimeout(Math.max(MIN_CONNECTION_TIMEOUT.toMillis(), connectionTimeout.toMillis() / 2));
        // a TCP connect to an unreachable host must not outlast the request's wait either
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, connectionTimeout.toSeconds())));
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
