package io.metering.application.fakes;

import io.metering.application.port.out.ChangeEventStore;
import io.metering.application.port.out.Transactions;

/** The change-event contract against the in-memory store. */
class InMemoryChangeEventStoreContractTest extends ChangeEventStoreContractTest {
    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected ChangeEventStore store() {
        return store;
    }

    @Override
    protected Transactions transactions() {
        return store;
    }
}
