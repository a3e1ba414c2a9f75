package io.metering.application.service;

import io.metering.application.fakes.Ports;
import io.metering.application.port.out.ChangesetRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.ReadingRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.application.port.out.Transactions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The ports, clock and business zone tests build services from ({@link TestServices}); the services
 * themselves each take just the ports they use. Calendar-day questions use the business zone
 * (docs/domain.md#values-instants-days).
 *
 * @param ports the store's outgoing ports (the same bundle the port contracts exercise)
 * @param clock the injected clock; services never read time elsewhere
 * @param businessZone the business time zone
 */
public record TestContext(Ports ports, Clock clock, ZoneId businessZone) {
    /** @throws NullPointerException if a part is null */
    public TestContext {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(businessZone, "businessZone");
    }

    /** The context of separately given ports. */
    public TestContext(Transactions transactions, MeterRepository meters, CounterRepository counters, ReadingRepository readings,
            ReadingSeriesQueries series, ChangesetRepository changesets, Clock clock, ZoneId businessZone) {
        this(new Ports(transactions, meters, counters, readings, series, changesets), clock, businessZone);
    }

    /** @return transaction boundary */
    public Transactions transactions() {
        return ports.transactions();
    }

    /** @return meter store */
    public MeterRepository meters() {
        return ports.meters();
    }

    /** @return counter store */
    public CounterRepository counters() {
        return ports.counters();
    }

    /** @return reading store (writes) */
    public ReadingRepository readings() {
        return ports.readings();
    }

    /** @return reading store (time-series reads) */
    public ReadingSeriesQueries series() {
        return ports.series();
    }

    /** @return changeset store */
    public ChangesetRepository changesets() {
        return ports.changesets();
    }
}
