package io.metering.application.port.out;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: every write of a use case is all or nothing. Repositories
 * called inside the work take part in the transaction.
 */
public interface Transactions {
    /**
     * Runs read-write work; commits when it returns, rolls back when it throws.
     *
     * @param work the work
     * @return what the work returned
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs read-only work on one consistent snapshot.
     *
     * @param work the work
     * @return what the work returned
     */
    <T> T readOnly(Supplier<T> work);
}
