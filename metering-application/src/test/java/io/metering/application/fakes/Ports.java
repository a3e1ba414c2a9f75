package io.metering.application.fakes;

import io.metering.application.port.out.ChangesetRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.Transactions;
import java.util.Objects;

/**
 * Every outgoing port of one store, as the port contracts ({@link PortContract}) exercise them.
 *
 * @param transactions the transaction boundary the repositories join
 * @param meters meters
 * @param counters counters
 * @param readings reading writes and key lookups
 * @param series time-series queries
 * @param changesets changesets
 */
public record Ports(Transactions transactions, MeterRepository meters, CounterRepository counters, ReadingRepository readings,
        ReadingSeriesQueries series, ChangesetRepository changesets) {
    /** @throws NullPointerException if a port is null */
    public Ports {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(changesets, "changesets");
    }

    /** The ports of an in-memory store. */
    public static Ports of(InMemoryStore store) {
        return new Ports(store, store, store, store, store, store);
    }
}
