package io.metering.adapters.persistence.jdbi;

import io.metering.application.model.ChangeEvent;
import io.metering.application.model.ChangeEventPage;
import io.metering.application.model.EventPosition;
import io.metering.application.model.RecordedChangeEvent;
import io.metering.application.port.out.ChangeEventStore;
import io.metering.domain.tenant.OrganizationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link ChangeEventStore} over the {@code change_event} table (V7). A read shows only events of
 * transactions below the snapshot's xmin, so every transaction that could still add an event below
 * the returned positions has ended (docs/events.md "Ordering"). Positions travel as text because
 * JDBC has no unsigned 64-bit type for {@code xid8}.
 */
public final class JdbiChangeEventStore implements ChangeEventStore {
    private static final String COLUMNS = "tx_id::text AS tx, seq, id, type, subject, made_at, actor, data::text AS data";

    private final JdbiTransactions db;

    /** @param db the transactions the store joins */
    public JdbiChangeEventStore(JdbiTransactions db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void append(List<ChangeEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // one statement for the whole list: WITH ORDINALITY keeps the list's order in seq
        db.write(h -> h.createUpdate("INSERT INTO change_event (org_id, id, type, subject, made_at, actor, data)"
                        + " SELECT u.org, CAST(u.id AS uuid), u.type, u.subject, CAST(u.at AS timestamptz), u.actor, CAST(u.data AS json)"
                        + " FROM unnest(CAST(:orgs AS text[]), CAST(:ids AS text[]), CAST(:types AS text[]), CAST(:subjects AS text[]),"
                        + " CAST(:ats AS text[]), CAST(:actors AS text[]), CAST(:datas AS text[])) WITH ORDINALITY"
                        + " AS u(org, id, type, subject, at, actor, data, n) ORDER BY u.n")
                .bindArray("orgs", String.class, events.stream().map(e -> e.org().value()).toList())
                .bindArray("ids", String.class, events.stream().map(e -> e.id().toString()).toList())
                .bindArray("types", String.class, events.stream().map(ChangeEvent::type).toList())
                .bindArray("subjects", String.class, events.stream().map(ChangeEvent::subject).toList())
                .bindArray("ats", String.class, events.stream().map(e -> SqlInstants.stored(e.time())).toList())
                .bindArray("actors", String.class, events.stream().map(ChangeEvent::actor).toList())
                .bindArray("datas", String.class, events.stream().map(ChangeEvent::data).toList())
                .execute());
    }

    @Override
    public ChangeEventPage read(OrganizationId org, EventPosition after, int limit, Set<String> types) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        String typeFilter = types.isEmpty() ? "" : " AND type = ANY(:types)";
        List<RecordedChangeEvent> events = db.read(h -> {
            Query q = h.createQuery("SELECT " + COLUMNS + " FROM change_event WHERE org_id = :org"
                    + " AND (tx_id, seq) > (CAST(:tx AS xid8), :seq)"
                    + " AND tx_id < pg_snapshot_xmin(pg_current_snapshot())" + typeFilter
                    + " ORDER BY tx_id, seq LIMIT :limit")
                    .bind("org", org.value())
                    .bind("tx", Long.toUnsignedString(after.txId()))
                    .bind("seq", after.seq())
                    .bind("limit", limit);
            if (!types.isEmpty()) {
                q.bindArray("types", String.class, types.toArray(String[]::new));
            }
            return q.map((rs, ctx) -> map(org, rs)).list();
        });
        return new ChangeEventPage(events, events.isEmpty() ? after : events.get(events.size() - 1).position());
    }

    @Override
    public EventPosition newest(OrganizationId org) {
        return db.read(h -> h.createQuery("SELECT tx_id::text AS tx, seq FROM change_event WHERE org_id = :org"
                        + " AND tx_id < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY tx_id DESC, seq DESC LIMIT 1")
                .bind("org", org.value())
                .map((rs, ctx) -> position(rs))
                .findOne()
                .orElse(EventPosition.START));
    }

    /** {@inheritDoc} The snapshot's xmax is the first transaction id not yet assigned. */
    @Override
    public boolean isAheadOfFeed(EventPosition position) {
        return db.read(h -> h.createQuery("SELECT CAST(:tx AS xid8) >= pg_snapshot_xmax(pg_current_snapshot())")
                .bind("tx", Long.toUnsignedString(position.txId()))
                .mapTo(Boolean.class).one());
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return db.write(h -> {
            // one statement: the deleted rows' highest position moves the horizon, never backwards
            return h.createQuery("""
                    WITH gone AS (
                        DELETE FROM change_event WHERE made_at < CAST(:cutoff AS timestamptz) RETURNING tx_id, seq
                    ), top AS (
                        SELECT tx_id, seq FROM gone ORDER BY tx_id DESC, seq DESC LIMIT 1
                    ), moved AS (
                        INSERT INTO change_event_horizon (singleton, tx_id, seq) SELECT true, tx_id, seq FROM top
                        ON CONFLICT (singleton) DO UPDATE SET tx_id = EXCLUDED.tx_id, seq = EXCLUDED.seq
                        WHERE (change_event_horizon.tx_id, change_event_horizon.seq) < (EXCLUDED.tx_id, EXCLUDED.seq)
                    )
                    SELECT count(*) FROM gone""")
                    .bind("cutoff", SqlInstants.ceiling(cutoff))
                    .mapTo(Integer.class).one();
        });
    }

    @Override
    public Optional<EventPosition> purgedUpTo() {
        return db.read(h -> h.createQuery("SELECT tx_id::text AS tx, seq FROM change_event_horizon")
                .map((rs, ctx) -> position(rs)).findOne());
    }

    private static RecordedChangeEvent map(OrganizationId org, ResultSet rs) throws SQLException {
        return new RecordedChangeEvent(position(rs), new ChangeEvent(UUID.fromString(rs.getString("id")), org, rs.getString("type"),
                rs.getString("subject"), SqlInstants.read(rs, "made_at"), rs.getString("actor"), rs.getString("data")));
    }

    private static EventPosition position(ResultSet rs) throws SQLException {
        return new EventPosition(Long.parseUnsignedLong(rs.getString("tx")), rs.getLong("seq"));
    }
}
