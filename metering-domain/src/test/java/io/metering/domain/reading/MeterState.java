package io.metering.domain.reading;

import io.metering.domain.meter.ContractPeriod;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.meter.MeterStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * The meter states the write rules depend on, generated for property tests and judged
 * independently of the validator (docs/domain.md#plausible-dates,
 * docs/domain.md#decommissioned-meters, contract periods): which reading instants a meter admits.
 */
record MeterState(Instant installed, Instant closed, List<ContractPeriod> periods) {
    /** The state of a meter built by {@link #generate}. */
    static MeterState of(Meter meter) {
        Instant installed = MeterLifecycle.earliestReading(meter, ZoneOffset.UTC);
        Instant closed = MeterLifecycle.closedAt(meter, ZoneOffset.UTC).orElse(null);
        return new MeterState(installed, closed, meter.contractPeriods());
    }

    /** Whether a reading at {@code t} lies after the closing instant (refused whatever the options). */
    boolean closesBefore(Instant t) {
        return closed != null && t.isAfter(closed);
    }

    /** Whether the rules admit a reading at {@code t}: installed, not closed, inside a contract period if any. */
    boolean admits(Instant t) {
        return !t.isBefore(installed) && !closesBefore(t) && (periods.isEmpty() || periods.stream().anyMatch(p -> p.contains(t)));
    }

    /** A decommissioned meter, closed at {@code a}: stated, or (for meters closed before it was recorded) its last change. */
    static Meter closed(RandomnessSource in, Meter.Builder builder, Instant a) {
        builder.status(MeterStatus.DECOMMISSIONED);
        return Generate.booleans().generate(in) ? builder.attributes(Map.of(MeterLifecycle.DECOMMISSIONED_AT, a.toString())).build()
                : builder.updatedAt(a).build();
    }

    /**
     * A meter in one of five states, half of them active without bounds, the others alike: installed at
     * {@code a}, decommissioned at {@code a}, decommissioned without a stated instant (closed at its
     * last change, {@code a}), or bounded by a contract period from {@code min(a, b)} to
     * {@code max(a, b)} (open-ended when they are equal).
     */
    static Meter generate(RandomnessSource in, Meter.Builder builder, Instant a, Instant b) {
        int kind = Generate.range(-3, 4).generate(in);
        return switch (kind) {
            case 1 -> builder.attributes(Map.of(MeterLifecycle.INSTALLATION_DATE, a.toString())).build();
            case 2, 3 -> closed(in, builder, a);
            case 4 -> {
                Instant start = a.isBefore(b) ? a : b;
                Instant end = a.isBefore(b) ? b : a;
                yield builder.contractPeriods(List.of(new ContractPeriod(start, start.equals(end) ? null : end))).build();
            }
            default -> builder.build();
        };
    }
}
