package io.metering.application.service;

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
 * @param transactions transaction boundary
 * @param meters meter store
 * @param counters counter store
 * @param readings reading store (writes)
 * @param series reading store (time-series reads)
 * @param changesets changeset store
 * @param clock the injected clock; services never read time elsewhere
 * @param businessZone the business time zone
 */
public record TestContext(Transactions transactions, MeterRepository meters, CounterRepository counters,
        ReadingRepository readings, ReadingSeriesQueries series, ChangesetRepository changesets, Clock clock,
        ZoneId businessZone) {
    /** @throws NullPointerException if a part is null */
    public TestContext {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(meters, "meters");
        Objects.requireNonNull(counters, "counters");
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(changesets, "changesets");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(businessZone, "businessZone");
    }
}
