package io.metering.adapters.persistence;

import io.metering.application.fakes.MeterRepositoryContractTest;
import io.metering.application.fakes.Ports;

/** The {@link MeterRepositoryContractTest} against the PostgreSQL adapter, on the shared embedded server. */
class JdbiMeterRepositoryContractTest extends MeterRepositoryContractTest {
    @Override
    protected Ports ports() {
        return JdbiPorts.shared();
    }
}
