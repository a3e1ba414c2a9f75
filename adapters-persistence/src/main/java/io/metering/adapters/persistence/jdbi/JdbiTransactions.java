package io.metering.adapters.persistence.jdbi;

import io.metering.application.port.out.Transactions;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

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
 * <p>Every outermost call translates a database that cannot be reached (refused or lost connection,
 * server shutting down, pool timeout) into
 * {@link io.metering.application.port.out.StoreUnavailableException} ({@link StoreFailures}).
 */
public final class JdbiTransactions implements Transactions {
    private record Bound(Handle handle, boolean readOnly) {}

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
            return runBound(new Bound(handle, false), work);
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
            return update.apply(b.handle());
        }
        return StoreFailures.translate(() -> jdbi.inTransaction(handle -> {
            readCommitted(handle);
            return update.apply(handle);
        }));
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
        return b.handle();
    }

    private static void requireWritable(Bound b) {
        if (b.readOnly()) {
            throw new IllegalStateException("cannot write inside a read-only transaction");
        }
    }
}
