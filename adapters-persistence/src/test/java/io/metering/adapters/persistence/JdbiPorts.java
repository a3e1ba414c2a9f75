package io.metering.adapters.persistence;

import io.metering.application.fakes.Ports;

/** The outgoing ports of the PostgreSQL adapter on the shared embedded server, for the port contracts. */
final class JdbiPorts {
    private JdbiPorts() {}

    static Ports shared() {
        PostgresPersistence p = SharedPostgres.persistence();
        return new Ports(p.transactions(), p.meters(), p.counters(), p.readings(), p.series(), p.changesets());
    }
}
