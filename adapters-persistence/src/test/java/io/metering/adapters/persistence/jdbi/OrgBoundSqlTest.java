package io.metering.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.metering.adapters.persistence.DataSources;
import io.metering.adapters.persistence.SharedPostgres;
import io.metering.application.fakes.ChangesetRepositoryContractTest;
import io.metering.application.fakes.CounterRepositoryContractTest;
import io.metering.application.fakes.MeterRepositoryContractTest;
import io.metering.application.fakes.ReadingRepositoryContractTest;
import io.metering.application.fakes.ReadingSeriesQueriesContractTest;
import io.metering.application.fakes.TransactionsContractTest;
import io.metering.application.fakes.Ports;
import io.metering.application.port.out.ChangesetRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.Transactions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/**
 * Tenant isolation of the persistence adapter, proven on what it really sends: the whole port
 * contract (every port's, one nested class each) runs against the adapter on a Jdbi that records
 * every statement, and afterwards
 *
 * <ul>
 *   <li>every recorded statement bounds each use of {@code meter}, {@code counter},
 *       {@code reading} and {@code changeset} by {@code org_id = :org} ({@link OrgPredicates});</li>
 *   <li>every method of every outgoing port was called, so no statement escaped the recording
 *       (a new port method without a contract test fails here).</li>
 * </ul>
 * The contract itself checks the behaviour: data of another organization is never found, changed
 * or deleted.
 */
class OrgBoundSqlTest {
    private static final List<Class<?>> PORTS = List.of(Transactions.class, MeterRepository.class, CounterRepository.class,
            ReadingRepository.class, ReadingSeriesQueries.class, ChangesetRepository.class);
    private static final Set<String> STATEMENTS = ConcurrentHashMap.newKeySet();
    private static final Set<String> CALLED = ConcurrentHashMap.newKeySet();
    private static Ports ports;
    private static HikariDataSource pool;

    @Nested
    class Meters extends MeterRepositoryContractTest {
        @Override
        protected Ports ports() {
            return recordingPortsOnce();
        }
    }

    @Nested
    class Counters extends CounterRepositoryContractTest {
        @Override
        protected Ports ports() {
            return recordingPortsOnce();
        }
    }

    @Nested
    class Readings extends ReadingRepositoryContractTest {
        @Override
        protected Ports ports() {
            return recordingPortsOnce();
        }
    }

    @Nested
    class Series extends ReadingSeriesQueriesContractTest {
        @Override
        protected Ports ports() {
            return recordingPortsOnce();
        }
    }

    @Nested
    class Changesets extends ChangesetRepositoryContractTest {
        @Override
        protected Ports ports() {
            return recordingPortsOnce();
        }
    }

    @Nested
    class TransactionBoundary extends TransactionsContractTest {
        @Override
        protected Ports ports() {
            return recordingPortsOnce();
        }
    }

    private static Ports recordingPortsOnce() {
        synchronized (OrgBoundSqlTest.class) {
            if (ports == null) {
                ports = recordingPorts();
            }
            return ports;
        }
    }

    private static Ports recordingPorts() {
        SharedPostgres.persistence(); // the schema, migrated
        pool = DataSources.pooled(SharedPostgres.jdbcUrl("postgres"), "postgres", null, 4);
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
        jdbi.getConfig(SqlStatements.class).addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement stmt, StatementContext ctx) {
                STATEMENTS.add(ctx.getRawSql());
            }
        });
        JdbiTransactions tx = new JdbiTransactions(jdbi);
        return new Ports(recorded(Transactions.class, tx), recorded(MeterRepository.class, new JdbiMeterRepository(tx)),
                recorded(CounterRepository.class, new JdbiCounterRepository(tx)),
                recorded(ReadingRepository.class, new JdbiReadingRepository(tx)),
                recorded(ReadingSeriesQueries.class, new JdbiReadingSeriesQueries(tx)),
                recorded(ChangesetRepository.class, new JdbiChangesetRepository(tx)));
    }

    /** The port, noting each method called on it. */
    private static <T> T recorded(Class<T> port, T target) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            CALLED.add(port.getSimpleName() + "." + method.getName());
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @AfterAll
    static void everyStatementIsBoundedByOrganizationAndEveryPortMethodRan() {
        if (pool != null) {
            pool.close();
        }
        Map<String, List<String>> problems = new TreeMap<>();
        for (String sql : STATEMENTS) {
            List<String> found = OrgPredicates.problems(sql);
            if (!found.isEmpty()) {
                problems.put(sql, found);
            }
        }
        assertThat(problems).as("statements not bounded by organization").isEmpty();
        assertThat(STATEMENTS.stream().filter(s -> s.matches("(?is).*\\b(meter|counter|reading|changeset)\\b.*")))
                .as("statements on tenant tables were recorded").hasSizeGreaterThan(20);

        Set<String> declared = new TreeSet<>();
        for (Class<?> port : PORTS) {
            Arrays.stream(port.getMethods())
                    .filter(m -> !m.isDefault() && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() != Object.class)
                    .map(Method::getName)
                    .forEach(name -> declared.add(port.getSimpleName() + "." + name));
        }
        Set<String> uncalled = new TreeSet<>(declared);
        uncalled.removeAll(CALLED);
        assertThat(uncalled).as("port methods the contract never called, so their SQL went unchecked")
                .isEqualTo(Collections.emptySet());
    }
}
