package io.metering.application.fakes;

/** The {@link CounterRepositoryContractTest} against the in-memory store, a fresh one per test. */
class InMemoryCounterRepositoryContractTest extends CounterRepositoryContractTest {
    @Override
    protected Ports ports() {
        return Ports.of(new InMemoryStore());
    }
}
