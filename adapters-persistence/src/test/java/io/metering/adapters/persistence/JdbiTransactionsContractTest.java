package io.metering.adapters.persistence;

import io.metering.application.fakes.TransactionsContractTest;
import io.metering.application.fakes.Ports;

/** The {@link TransactionsContractTest} against the PostgreSQL adapter, on the shared embedded server. */
class JdbiTransactionsContractTest extends TransactionsContractTest {
    @Override
    protected Ports ports() {
        return JdbiPorts.shared();
    }
}
