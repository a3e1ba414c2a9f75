package io.metering.adapters.persistence;

import io.metering.application.fakes.PortContractTest;
import io.metering.application.fakes.Ports;

/** The port contract against the PostgreSQL adapter, on the shared embedded server. */
class JdbiPortContractTest extends PortContractTest {
    @Override
    protected Ports ports() {
        PostgresPersistence p = SharedPostgres.persistence();
        return new Ports(p.transactions(), p.meters(), p.counters(), p.readings(), p.series(), p.changesets());
    }
}
