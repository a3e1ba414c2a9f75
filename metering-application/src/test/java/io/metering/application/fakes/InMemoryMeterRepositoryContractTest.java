package io.metering.application.fakes;

/** The {@link MeterRepositoryContractTest} against the in-memory store, a fresh one per test. */
class InMemoryMeterRepositoryContractTest extends MeterRepositoryContractTest {
    @Override
    protected Ports ports() {
        return Ports.of(new InMemoryStore());
    }
}
