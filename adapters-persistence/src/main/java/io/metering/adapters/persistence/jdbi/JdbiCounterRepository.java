package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.LockedMeters;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.JdbiException;

/** {@link CounterRepository} over the {@code counter} table; every statement names the organization. */
public final class JdbiCounterRepository implements CounterRepository {
    private static final String SELECT = "SELECT " + CounterRows.COLUMNS + " FROM counter";

    /**
     * The meters of {@code :ids} with their counters, which a materialized CTE reads and locks as
     * {@link #lockByMeters} does (id order); one row per counter, one with null counter columns for
     * a meter without counters.
     */
    private static final String LOCK_WITH_METERS = "WITH c AS MATERIALIZED (" + SELECT
            + " WHERE org_id = :org AND meter_id = ANY(CAST(:ids AS uuid[])) ORDER BY id FOR NO KEY UPDATE)"
            + " SELECT " + SqlColumns.prefixed(MeterRows.COLUMNS, "m", "m_") + ", " + SqlColumns.prefixed(CounterRows.COLUMNS, "c", "c_")
            + " FROM meter m LEFT JOIN c ON c.meter_id = m.id WHERE m.org_id = :org AND m.id = ANY(CAST(:ids AS uuid[]))";

    /** The order of {@link #findByMeters}: creation time, then id as PostgreSQL orders uuids (its text form). */
    private static final Comparator<Counter> FIND_ORDER = Comparator.comparing(Counter::createdAt)
            .thenComparing(c -> c.id().value().toString());

    private final JdbiTransactions db;

    /** @param db the transactions the repository joins */
    public JdbiCounterRepository(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void insert(Counter counter) {
        try {
            db.write(h -> CounterRows.bind(h.createUpdate("INSERT INTO counter (" + CounterRows.COLUMNS + ") VALUES ("
                    + CounterRows.VALUES + ")"), counter).execute());
        } catch (JdbiException e) {
            // the service checks the id first; a concurrent create of the same id can still win the race
            if (SqlStates.isUniqueViolation(e)) {
                throw new ConflictException("counter " + counter.id() + " exists");
            }
            throw e;
        }
    }

    @Override
    public void update(Counter counter) {
        db.write(h -> CounterRows.bind(h.createUpdate("UPDATE counter SET (" + CounterRows.COLUMNS + ") = (" + CounterRows.VALUES
                + ") WHERE org_id = :org AND id = CAST(:id AS uuid)"), counter).execute());
    }

    @Override
    public boolean delete(OrganizationId org, CounterId id) {
        return db.write(h -> {
            List<UUID> locked = CounterCascade.lock(h, org, "id = CAST(:key AS uuid)", id.toString());
            CounterCascade.delete(h, org, List.of(id.value()));
            return !locked.isEmpty();
        });
    }

    @Override
    public Optional<Counter> findById(OrganizationId org, CounterId id) {
        return db.read(h -> h.createQuery(SELECT + " WHERE org_id = :org AND id = CAST(:id AS uuid)")
                .bind("org", org.value())
                .bind("id", id.toString())
                .map((rs, ctx) -> CounterRows.map(rs))
                .findOne());
    }

    @Override
    public List<Counter> findByMeter(OrganizationId org, MeterId meterId) {
        return findByMeters(org, List.of(meterId));
    }

    @Override
    public List<Counter> findByMeters(OrganizationId org, Collection<MeterId> meterIds) {
        if (meterIds.isEmpty()) {
            return List.of();
        }
        return db.read(h -> h.createQuery(SELECT + " WHERE org_id = :org AND meter_id = ANY(CAST(:ids AS uuid[]))"
                        + " ORDER BY created_at, id")
                .bind("org", org.value())
                .bind("ids", meterIdArray(meterIds))
                .map((rs, ctx) -> CounterRows.map(rs))
                .list());
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code SELECT ... FOR NO KEY UPDATE} on the counter rows, sorted by id before locking.
     * That mode conflicts with itself and with updates and deletes of the counter, not with plain
     * reads, so readers never wait.
     *
     * @throws IllegalStateException outside a read-write transaction, where a lock would end at once
     */
    @Override
    public void lockForReadingWrite(OrganizationId org, Collection<CounterId> ids) {
        var h = db.transactionHandle();
        if (ids.isEmpty()) {
            return;
        }
        List<String> wanted = ids.stream().map(CounterId::toString).distinct().toList();
        // under READ COMMITTED a row deleted by a transaction we waited for is silently skipped, so
        // a missing row here means the counter is gone and the write must not go on
        List<UUID> locked = h.createQuery("SELECT id FROM counter WHERE org_id = :org AND id = ANY(CAST(:ids AS uuid[]))"
                        + " ORDER BY id FOR NO KEY UPDATE")
                .bind("org", org.value())
                .bind("ids", TextArray.of(wanted))
                .mapTo(UUID.class)
                .list();
        if (locked.size() < wanted.size()) {
            Set<String> found = locked.stream().map(UUID::toString).collect(Collectors.toSet());
            String missing = wanted.stream().filter(id -> !found.contains(id)).findFirst().orElseThrow();
            throw new NotFoundException("counter " + missing + " not found");
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code SELECT ... ORDER BY id FOR NO KEY UPDATE}, the lock of {@link #lockForReadingWrite}.
     */
    @Override
    public List<Counter> lockByMeters(OrganizationId org, Collection<MeterId> meterIds) {
        var h = db.transactionHandle();
        if (meterIds.isEmpty()) {
            return List.of();
        }
        List<Counter> locked = h.createQuery(SELECT + " WHERE org_id = :org AND meter_id = ANY(CAST(:ids AS uuid[])) ORDER BY id"
                        + " FOR NO KEY UPDATE")
                .bind("org", org.value())
                .bind("ids", meterIdArray(meterIds))
                .map((rs, ctx) -> CounterRows.map(rs))
                .list();
        return locked.stream().sorted(FIND_ORDER).toList();
    }

    /**
     * {@inheritDoc}
     *
     * <p>One statement ({@link #LOCK_WITH_METERS}): the lock of {@link #lockByMeters} and the meters'
     * rows, each meter mapped once.
     */
    @Override
    public LockedMeters lockWithMeters(OrganizationId org, Collection<MeterId> meterIds) {
        var h = db.transactionHandle();
        if (meterIds.isEmpty()) {
            return new LockedMeters(List.of(), List.of());
        }
        Map<UUID, Meter> meters = new LinkedHashMap<>();
        List<Counter> counters = new ArrayList<>();
        h.createQuery(LOCK_WITH_METERS)
                .bind("org", org.value())
                .bind("ids", meterIdArray(meterIds))
                .map((rs, ctx) -> {
                    UUID meterId = rs.getObject("m_id", UUID.class);
                    if (!meters.containsKey(meterId)) {
                        meters.put(meterId, MeterRows.map(rs, "m_"));
                    }
                    if (rs.getObject("c_id") != null) {
                        counters.add(CounterRows.map(rs, "c_"));
                    }
                    return meterId;
                })
                .forEach(id -> { });
        counters.sort(FIND_ORDER);
        return new LockedMeters(List.copyOf(meters.values()), counters);
    }

    /** The meters' ids, each once, as the {@code :ids} parameter of the statements by meter. */
    private static TextArray meterIdArray(Collection<MeterId> meterIds) {
        return TextArray.of(meterIds.stream().map(MeterId::toString).distinct().toList());
    }
}
