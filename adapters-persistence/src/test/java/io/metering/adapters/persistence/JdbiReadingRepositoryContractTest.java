package io.metering.adapters.persistence;

import io.metering.application.fakes.ReadingRepositoryContractTest;
import io.metering.application.fakes.Ports;

/** The {@link ReadingRepositoryContractTest} against the PostgreSQL adapter, on the shared embedded server. */
class JdbiReadingRepositoryContractTest extends ReadingRepositoryContractTest {
    @Override
    protected Ports ports() {
        return JdbiPorts.shared();
    }
}
