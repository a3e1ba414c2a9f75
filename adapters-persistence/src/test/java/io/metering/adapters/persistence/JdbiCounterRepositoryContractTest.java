package io.metering.adapters.persistence;

import io.metering.application.fakes.CounterRepositoryContractTest;
import io.metering.application.fakes.Ports;

/** The {@link CounterRepositoryContractTest} against the PostgreSQL adapter, on the shared embedded server. */
class JdbiCounterRepositoryContractTest extends CounterRepositoryContractTest {
    @Override
    protected Ports ports() {
        return JdbiPorts.shared();
    }
}
