package io.metering.adapters.persistence;

import io.metering.application.fakes.ChangesetRepositoryContractTest;
import io.metering.application.fakes.Ports;

/** The {@link ChangesetRepositoryContractTest} against the PostgreSQL adapter, on the shared embedded server. */
class JdbiChangesetRepositoryContractTest extends ChangesetRepositoryContractTest {
    @Override
    protected Ports ports() {
        return JdbiPorts.shared();
    }
}
