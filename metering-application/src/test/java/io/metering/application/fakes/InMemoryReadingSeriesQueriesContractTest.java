package io.metering.application.fakes;

/** The {@link ReadingSeriesQueriesContractTest} against the in-memory store, a fresh one per test. */
class InMemoryReadingSeriesQueriesContractTest extends ReadingSeriesQueriesContractTest {
    @Override
    protected Ports ports() {
        return Ports.of(new InMemoryStore());
    }
}
