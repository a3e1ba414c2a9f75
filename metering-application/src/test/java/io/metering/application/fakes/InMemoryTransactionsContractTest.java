package io.metering.application.fakes;

/** The {@link TransactionsContractTest} against the in-memory store, a fresh one per test. */
class InMemoryTransactionsContractTest extends TransactionsContractTest {
    @Override
    protected Ports ports() {
        return Ports.of(new InMemoryStore());
    }
}
