package io.metering.application.service.write;

import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import io.metering.domain.consumption.RateWindow;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.UnitLabel;
import io.metering.domain.plausibility.HistoryPlausibility;
import io.metering.domain.plausibility.RegisterHistory;
import io.metering.domain.reading.PlausibilityPolicy;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The product's plausibility rule over the stored history: a thin adapter that hands
 * {@link HistoryPlausibility} (metering-domain, where the rule lives) the store's answers. The policy
 * of one write reads each series' recent plausible points once, lazily, within the write's
 * transaction (one query of at most {@value RateWindow#MAX_POINTS} points per series that gets an
 * appended reading), and the meter's other registers only where their pace could change a bound.
 * getAllowedReadingForMeter uses the same rule, so the range shown is the one a reading is judged by.
 */
public final class HistoryPlausibilityProvider implements PlausibilityProvider {
    private final ReadingSeriesQueries series;
    private final Optional<CounterRepository> counters;

    /**
     * Judges each register by its own history only (no meter pace): stricter on a register's first
     * days than the product's rule.
     *
     * @param series the time-series port
     */
    public HistoryPlausibilityProvider(ReadingSeriesQueries series) {
        this.series = Objects.requireNonNull(series, "series");
        this.counters = Optional.empty();
    }

    /**
     * The product's rule, with the meter pace read from the meter's other registers.
     *
     * @param series the time-series port
     * @param counters where the meter's other registers are found
     */
    public HistoryPlausibilityProvider(ReadingSeriesQueries series, CounterRepository counters) {
        this.series = Objects.requireNonNull(series, "series");
        this.counters = Optional.of(counters);
    }

    @Override
    public PlausibilityPolicy forWrite(OrganizationId org) {
        return forWrite(org, List.of());
    }

    @Override
    public PlausibilityPolicy forWrite(OrganizationId org, List<ReadingCandidate> written) {
        return forWrite(org, (key, t, limit) -> series.recentPlausible(org, key, t, limit), written);
    }

    @Override
    public PlausibilityPolicy forWrite(OrganizationId org, History history) {
        return forWrite(org, history, List.of());
    }

    @Override
    public PlausibilityPolicy forWrite(OrganizationId org, History history, List<ReadingCandidate> written) {
        HistoryPlausibility.OtherRegisters stored = history.otherRegisters()
                .or(() -> counters.map(repo -> fromStore(org, repo)))
                .orElse(HistoryPlausibility.OtherRegisters.NONE);
        HistoryPlausibility.OtherRegisters others = written.isEmpty() ? stored : new WithWritten(stored, written);
        return new HistoryPlausibility(history::recentPlausible, others);
    }

    /**
     * The other registers with the write's own readings merged in. Their points by series are
     * gathered when a meter pace is first asked for: most writes never ask, and gathering them
     * eagerly cost an allocation per reading on every validated write.
     */
    private static final class WithWritten implements HistoryPlausibility.OtherRegisters {
        private final HistoryPlausibility.OtherRegisters stored;
        private final List<ReadingCandidate> written;
        private Map<SeriesKey, List<SeriesPoint>> points;

        WithWritten(HistoryPlausibility.OtherRegisters stored, List<ReadingCandidate> written) {
            this.stored = stored;
            this.written = written;
        }

        @Override
        public List<RegisterHistory> at(SeriesKey key, Instant t) {
            if (points == null) {
                points = PlausibilityProvider.pointsOf(written);
            }
            return stored.at(key, t).stream().map(r -> r.withWritten(points.getOrDefault(r.series(), List.of()), t)).toList();
        }
    }

    /** The meter's other registers and their history, as the store holds them. */
    private HistoryPlausibility.OtherRegisters fromStore(OrganizationId org, CounterRepository repo) {
        return (key, t) -> {
            Optional<Counter> counter = repo.findById(org, key.counterId());
            if (counter.isEmpty()) {
                return List.of();
            }
            List<Counter> ofMeter = repo.findByMeter(org, counter.get().meterId());
            return otherRegisters(key, counter.get(), ofMeter, (other, c) ->
                    new RegisterHistory(other, series.recentPlausible(org, other, t, RateWindow.MAX_POINTS), c.capacity()));
        };
    }

    /** How the history of one other register is read. */
    @FunctionalInterface
    public interface RegisterReader {
        RegisterHistory read(SeriesKey register, Counter counter);
    }

    /**
     * The registers of the meter's counters that count in the unit of {@code counter}, but
     * {@code key} itself: a counter with a declared direction has that register, one without has
     * both (docs/domain.md#plausibility-formula, meter pace).
     */
    public static List<RegisterHistory> otherRegisters(SeriesKey key, Counter counter, List<Counter> ofMeter, RegisterReader reader) {
        List<RegisterHistory> out = new ArrayList<>();
        for (Counter c : ofMeter) {
            if (!UnitLabel.same(c.unit(), counter.unit())) {
                continue;
            }
            List<Direction> directions = c.direction() != null ? List.of(c.direction()) : List.of(Direction.values());
            for (Direction d : directions) {
                SeriesKey other = new SeriesKey(c.id(), d);
                if (!other.equals(key)) {
                    out.add(reader.read(other, c));
                }
            }
        }
        return out;
    }
}
