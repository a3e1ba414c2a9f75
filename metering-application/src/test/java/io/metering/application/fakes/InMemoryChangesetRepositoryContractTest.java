package io.metering.application.fakes;

/** The {@link ChangesetRepositoryContractTest} against the in-memory store, a fresh one per test. */
class InMemoryChangesetRepositoryContractTest extends ChangesetRepositoryContractTest {
    @Override
    protected Ports ports() {
        return Ports.of(new InMemoryStore());
    }
}
