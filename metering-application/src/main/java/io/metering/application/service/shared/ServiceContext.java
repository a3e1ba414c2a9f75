package io.metering.application.service.shared;

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
 * What every service needs: the outgoing ports, the clock and the business time zone
 * (docs/domain.md#values-instants-days: calendar-day questions use it, {@code Europe/Berlin} unless
 * configured).
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
public record ServiceContext(Transactions transactions, MeterRepository meters, CounterRepository counters,
        ReadingRepository readings, ReadingSeriesQueries series, ChangesetRepository changesets, Clock clock,
        ZoneId businessZone) {
    /** @throws NullPointerException if a part is null */
    public ServiceContext {
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
