package io.metering.application.fakes;

/** The port contract against the in-memory store, a fresh one per test. */
class InMemoryPortContractTest extends PortContractTest {
    @Override
    protected Ports ports() {
        return Ports.of(new InMemoryStore());
    }
}
