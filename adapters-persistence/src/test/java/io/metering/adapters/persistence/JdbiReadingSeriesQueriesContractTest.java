package io.metering.adapters.persistence;

import io.metering.application.fakes.ReadingSeriesQueriesContractTest;
import io.metering.application.fakes.Ports;

/** The {@link ReadingSeriesQueriesContractTest} against the PostgreSQL adapter, on the shared embedded server. */
class JdbiReadingSeriesQueriesContractTest extends ReadingSeriesQueriesContractTest {
    @Override
    protected Ports ports() {
        return JdbiPorts.shared();
    }
}
