package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * {@link Transactions} over Jdbi: the work runs with one {@link Handle} bound to the current thread,
 * and every Jdbi repository built on this instance uses that handle, so all of the work's reads and
 * writes share one transaction. Nested calls join the outer transaction.
 *
 * <p>{@link #inTransaction} runs READ COMMITTED: writers of readings serialize on explicit counter
 * row locks ({@link JdbiCounterRepository#lockForReadingWrite}), and each statement after the lock
 * sees what earlier writers committed. {@link #readOnly} runs a READ ONLY REPEATABLE READ
 * transaction, so all its queries see one snapshot. Both are set per transaction with
 * {@code SET TRANSACTION}, leaving the pooled connection's defaults alone; read-write transactions
 * skip that round trip on pools whose connections are set to READ COMMITTED when opened.
 *
 * <p>Repository calls outside any transaction run on their own short-lived handle: reads in
 * autocommit, multi-statement writes in their own transaction.
 *
 * <p>Writes that nothing in the transaction reads back may wait for its commit
 * ({@link #writeWithCommit}): the last of them goes to PostgreSQL in the commit's round trip.
 *
 * <p>Every outermost call translates a database that cannot be reached (refused or lost connection,
 * server shutting down, pool timeout) into
 * {@link io.metering.application.port.out.StoreUnavailableException} ({@link StoreFailures}).
 */
public final class JdbiTransactions implements Transactions {
    /**
     * A transaction's handle, whether it has written (or locked rows) through this instance, and the
     * writes that wait for its commit ({@link #writeWithCommit}), in order.
     */
    private static final class Bound {
        private final Handle handle;
        private final boolean readOnly;
        private final List<AtCommit> atCommit = new ArrayList<>(1);
        private boolean wrote;

        Bound(Handle handle, boolean readOnly) {
            this.handle = handle;
            this.readOnly = readOnly;
        }

        Handle handle() {
            return handle;
        }

        boolean readOnly() {
            return readOnly;
        }

        List<AtCommit> atCommit() {
            return atCommit;
        }
    }

    /** A write waiting for the commit: its statement and its parameters. */
    private record AtCommit(String sql, Consumer<Update> binds) {
        /** Runs it on the handle, with {@code suffix} after its statement. */
        int run(Handle handle, String suffix) {
            Update u = handle.createUpdate(sql + suffix);
            binds.accept(u);
            return u.execute();
        }
    }

    private final Jdbi jdbi;
    private final boolean connectionsStartReadCommitted;
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();

    /** @param jdbi the database; its connections may start in any isolation level */
    public JdbiTransactions(Jdbi jdbi) {
        this(jdbi, false);
    }

    /**
     * @param jdbi the database
     * @param connectionsStartReadCommitted whether every connection is known to start READ
     *     COMMITTED and writable (a pool set up so), which spares read-write transactions the
     *     {@code SET TRANSACTION} round trip
     */
    public JdbiTransactions(Jdbi jdbi, boolean connectionsStartReadCommitted) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.connectionsStartReadCommitted = connectionsStartReadCommitted;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if called inside {@link #readOnly} work
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Bound outer = bound.get();
        if (outer != null) {
            requireWritable(outer);
            return work.get();
        }
        return StoreFailures.translate(() -> jdbi.inTransaction(handle -> {
            readCommitted(handle);
            Bound b = new Bound(handle, false);
            T result = runBound(b, work);
            commitWith(b);
            return result;
        }));
    }

    /** {@inheritDoc} Inside a read-write transaction, the work joins it and sees its writes. */
    @Override
    public <T> T readOnly(Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        return StoreFailures.translate(() -> jdbi.inTransaction(handle -> {
            handle.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            return runBound(new Bound(handle, true), work);
        }));
    }

    private <T> T runBound(Bound b, Supplier<T> work) {
        bound.set(b);
        try {
            return work.get();
        } finally {
            bound.remove();
        }
    }

    /** Runs a read on the bound handle, or on a short-lived one outside transactions. */
    <T> T read(Function<Handle, T> query) {
        Bound b = bound.get();
        return b != null ? query.apply(b.handle()) : StoreFailures.translate(() -> jdbi.withHandle(query::apply));
    }

    /**
     * Runs a write on the bound handle, or in its own transaction outside transactions.
     *
     * @throws IllegalStateException inside read-only work
     */
    <T> T write(Function<Handle, T> update) {
        Bound b = bound.get();
        if (b != null) {
            requireWritable(b);
            b.wrote = true;
            return update.apply(b.handle());
        }
        return StoreFailures.translate(() -> jdbi.inTransaction(handle -> {
            readCommitted(handle);
            return update.apply(handle);
        }));
    }

    /**
     * Runs a write when the current read-write transaction commits, if it has written or locked rows
     * before (so it holds its transaction id, nearly always: a row written now gets the same
     * {@code pg_current_xact_id()} as at the commit); otherwise, or outside a transaction, at once.
     * The transaction's writes of this kind run in the order given; the last goes to PostgreSQL
     * together with the {@code COMMIT}, one round trip for both. Only for rows that the
     * transaction's own statements do not read back (change events, docs/events.md): until the
     * commit they are not there. If the write fails, the transaction rolls back as a whole.
     *
     * @param sql one statement, without a terminating semicolon
     * @param binds binds its parameters
     * @throws IllegalStateException inside read-only work
     */
    void writeWithCommit(String sql, Consumer<Update> binds) {
        Bound b = bound.get();
        AtCommit w = new AtCommit(sql, binds);
        if (b == null || !b.wrote) {
            write(h -> w.run(h, ""));
            return;
        }
        b.atCommit().add(w);
    }

    /**
     * Runs the current transaction's writes that wait for its commit now (for a read of what they
     * write); does nothing outside a transaction.
     */
    void runWritesAwaitingCommit() {
        Bound b = bound.get();
        if (b != null) {
            runAwaiting(b, b.atCommit().size());
        }
    }

    /** Runs the first {@code count} writes awaiting the commit and forgets them. */
    private static void runAwaiting(Bound b, int count) {
        List<AtCommit> writes = b.atCommit().subList(0, count);
        writes.forEach(w -> w.run(b.handle(), ""));
        writes.clear();
    }

    /**
     * Runs the writes awaiting the commit, the last one with the {@code COMMIT} in the same round
     * trip: pgjdbc sends the two statements of one prepared text together before it waits. The
     * connection is then outside a transaction, and the commit Jdbi makes next is a no-op in pgjdbc.
     */
    private static void commitWith(Bound b) {
        List<AtCommit> writes = b.atCommit();
        if (writes.isEmpty()) {
            return;
        }
        runAwaiting(b, writes.size() - 1);
        writes.remove(0).run(b.handle(), ";\nCOMMIT");
    }

    private void readCommitted(Handle handle) {
        if (!connectionsStartReadCommitted) {
            handle.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE");
        }
    }

    /**
     * The handle of the current read-write transaction, for locks that must last until it ends.
     *
     * @throws IllegalStateException outside {@link #inTransaction} work
     */
    Handle transactionHandle() {
        Bound b = bound.get();
        if (b == null) {
            throw new IllegalStateException("counter locks need a transaction: call inside Transactions.inTransaction");
        }
        requireWritable(b);
        b.wrote = true;
        return b.handle();
    }

    private static void requireWritable(Bound b) {
        if (b.readOnly()) {
            throw new IllegalStateException("cannot write inside a read-only transaction");
        }
    }
}
