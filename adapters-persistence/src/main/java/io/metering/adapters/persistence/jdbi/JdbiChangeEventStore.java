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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link ChangeEventStore} over the {@code change_event} table (V7): one row per write holding its
 * events packed as text ({@link OutboxRows}), unpacked here when read. An event's position is (tx_id, row seq, index in the
 * row), carried in {@link EventPosition} as {@code seq = (row seq << 24) | index}, so cursors keep
 * their form and order. A read shows only rows of transactions below the snapshot's xmin, so every
 * transaction that could still add an event below the returned positions has ended (docs/events.md
 * "Ordering"); a page may end inside a row and the next read resumes at the following index.
 * Positions travel as text because JDBC has no unsigned 64-bit type for {@code xid8}. A position's
 * tx_id is the transaction id plus the store's epoch offset (V11, {@code change_event_position}),
 * which a restore into another cluster raises so new events land above the restored ones.
 */
public final class JdbiChangeEventStore implements ChangeEventStore {
    // positions are transaction ids plus the epoch's offset (V11), so the horizon is shifted alike; a
    // scalar subquery, so the server computes it once per statement
    private static final String VISIBLE = " AND c.tx_id < (SELECT change_event_position(pg_snapshot_xmin(pg_current_snapshot())))";

    /** Bytes of row text a type-filtered page reads at most before its last row (it reads at least one row). */
    private static final long MAX_PAGE_TEXT = 4L << 20;

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
        List<OutboxRows.Row> rows = OutboxRows.of(events);
        // a statement per row (nearly always one), in order so their seq rises with it; every value a
        // scalar bind: the events as one text parameter, which the driver sends as it is (bound as a
        // text[] element it was escaped character by character, the largest share of the JVM's event cost).
        // Nothing in the writing transaction reads its events back, so they go with its commit, sparing a
        // round trip (docs/benchmarks.md, stop 17); this store's own reads run them first
        for (OutboxRows.Row r : rows) {
            db.writeWithCommit(INSERT, u -> u
                    .bind("org", r.org().value())
                    .bind("at", SqlInstants.stored(r.time()))
                    .bind("actor", r.actor())
                    .bind("types", String.join(",", r.types()))
                    .bind("count", r.count())
                    .bind("events", r.text()));
        }
    }

    private static final String INSERT = "INSERT INTO change_event (org_id, made_at, actor, types, event_count, events)"
            + " VALUES (:org, CAST(:at AS timestamptz), :actor, string_to_array(:types, ','), :count, :events)";

    @Override
    public ChangeEventPage read(OrganizationId org, EventPosition after, int limit, Set<String> types) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        long afterSeq = OutboxRows.rowSeq(after);
        int afterIndex = OutboxRows.index(after);
        // rows from the cursor's own row on (it may have been left mid-row), unpacked here: each row after it
        // gives at least one event (a type-filtered read takes only rows holding one of the types), so
        // limit + 1 rows suffice; unfiltered, rows are cut where the events before them already fill the page;
        // filtered, where the text before them passes MAX_PAGE_TEXT (rows of rare types among large rows
        // written before the packed form): the page may then hold fewer events, and the next resumes after them
        String typeFilter = types.isEmpty() ? "" : " AND c.types && CAST(:types AS text[])";
        String enough = types.isEmpty() ? " WHERE w.before < :enough" : " WHERE w.text_before < :text";
        List<RecordedChangeEvent> events = new ArrayList<>(Math.min(limit, 1000));
        db.runWritesAwaitingCommit();
        db.read(h -> {
            Query q = h.createQuery("SELECT w.tx, w.seq, w.made_at, w.actor, w.events FROM ("
                    + "SELECT c.tx_id, c.tx_id::text AS tx, c.seq, c.made_at, c.actor, c.events,"
                    + " sum(c.event_count) OVER (ORDER BY c.tx_id, c.seq ROWS UNBOUNDED PRECEDING) - c.event_count AS before,"
                    // octet_length reads a TOASTed value's size from its pointer, without fetching it
                    + " sum(octet_length(c.events)) OVER (ORDER BY c.tx_id, c.seq ROWS UNBOUNDED PRECEDING)"
                    + " - octet_length(c.events) AS text_before"
                    + " FROM change_event c WHERE c.org_id = :org AND (c.tx_id, c.seq) >= (CAST(:tx AS xid8), :seq)" + VISIBLE
                    + typeFilter + " ORDER BY c.tx_id, c.seq LIMIT :rows) w" + enough + " ORDER BY w.tx_id, w.seq")
                    .bind("org", org.value())
                    .bind("tx", Long.toUnsignedString(after.txId()))
                    .bind("seq", afterSeq)
                    .bind("rows", limit + 1);
            if (types.isEmpty()) {
                q.bind("enough", (long) limit + afterIndex + 1);
            } else {
                q.bind("text", MAX_PAGE_TEXT);
                q.bind("types", TextArray.of(types));
            }
            q.map((rs, ctx) -> {
                long tx = Long.parseUnsignedLong(rs.getString("tx"));
                long seq = rs.getLong("seq");
                int skip = tx == after.txId() && seq == afterSeq ? afterIndex + 1 : 0;
                List<ChangeEvent> row = OutboxRows.events(rs.getString("events"), org, SqlInstants.read(rs, "made_at"),
                        rs.getString("actor"));
                for (int i = skip; i < row.size() && events.size() < limit; i++) {
                    if (types.isEmpty() || types.contains(row.get(i).type())) {
                        events.add(new RecordedChangeEvent(OutboxRows.position(tx, seq, i), row.get(i)));
                    }
                }
                return null;
            }).forEach(x -> { });
            return null;
        });
        return new ChangeEventPage(events, events.isEmpty() ? after : events.get(events.size() - 1).position());
    }

    @Override
    public EventPosition newest(OrganizationId org) {
        db.runWritesAwaitingCommit();
        return db.read(h -> h.createQuery("SELECT c.tx_id::text AS tx, c.seq, c.event_count - 1 AS idx FROM change_event c"
                        + " WHERE c.org_id = :org" + VISIBLE + " ORDER BY c.tx_id DESC, c.seq DESC LIMIT 1")
                .bind("org", org.value())
                .map((rs, ctx) -> position(rs))
                .findOne()
                .orElse(EventPosition.START));
    }

    /** {@inheritDoc} The snapshot's xmax (plus the epoch's offset) is the first position not yet assigned. */
    @Override
    public boolean isAheadOfFeed(EventPosition position) {
        db.runWritesAwaitingCommit();
        return db.read(h -> h.createQuery("SELECT CAST(:tx AS xid8) >= change_event_position(pg_snapshot_xmax(pg_current_snapshot()))")
                .bind("tx", Long.toUnsignedString(position.txId()))
                .mapTo(Boolean.class).one());
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        db.runWritesAwaitingCommit();
        return db.write(h -> {
            // one statement: the deleted rows' highest position moves the horizon, never backwards
            return h.createQuery("""
                    WITH gone AS (
                        DELETE FROM change_event WHERE made_at < CAST(:cutoff AS timestamptz)
                        RETURNING tx_id, (seq << 24) | (event_count - 1) AS seq, event_count
                    ), top AS (
                        SELECT tx_id, seq FROM gone ORDER BY tx_id DESC, seq DESC LIMIT 1
                    ), moved AS (
                        INSERT INTO change_event_horizon (singleton, tx_id, seq) SELECT true, tx_id, seq FROM top
                        ON CONFLICT (singleton) DO UPDATE SET tx_id = EXCLUDED.tx_id, seq = EXCLUDED.seq
                        WHERE (change_event_horizon.tx_id, change_event_horizon.seq) < (EXCLUDED.tx_id, EXCLUDED.seq)
                    )
                    SELECT coalesce(sum(event_count), 0) FROM gone""")
                    .bind("cutoff", SqlInstants.ceiling(cutoff))
                    .mapTo(Integer.class).one();
        });
    }

    @Override
    public Optional<EventPosition> purgedUpTo() {
        db.runWritesAwaitingCommit();
        return db.read(h -> h.createQuery("SELECT tx_id::text AS tx, seq FROM change_event_horizon")
                .map((rs, ctx) -> new EventPosition(Long.parseUnsignedLong(rs.getString("tx")), rs.getLong("seq"))).findOne());
    }

    private static EventPosition position(ResultSet rs) throws SQLException {
        return OutboxRows.position(Long.parseUnsignedLong(rs.getString("tx")), rs.getLong("seq"), rs.getInt("idx"));
    }
}
