package io.metering.application.fakes;

/** The {@link ReadingRepositoryContractTest} against the in-memory store, a fresh one per test. */
class InMemoryReadingRepositoryContractTest extends ReadingRepositoryContractTest {
    @Override
    protected Ports ports() {
        return Ports.of(new InMemoryStore());
    }
}
