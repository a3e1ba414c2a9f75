package io.metering.application.service.reading;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import io.metering.application.service.shared.Reach;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.write.ReadingRecorder;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.service.write.WriteListener;
import io.metering.application.access.Caller;
import io.metering.application.model.PageRequest;
import io.metering.application.port.in.reading.CreateReadingWithMeterCommand;
import io.metering.application.port.in.reading.CreateReadingWithMeterUseCase;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.ReadingOutcome;
import io.metering.application.port.in.reading.ReadingWithMeterResult;
import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.out.MeterSearch;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.ObisCode;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.meter.Sector;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * createReadingWithMeter (semantics on {@link CreateReadingWithMeterUseCase}): find the meter, find
 * or create the counter, then record the reading through {@link ReadingRecorder}, all in one
 * transaction.
 */
public final class CreateReadingWithMeterService implements CreateReadingWithMeterUseCase {
    private final Transactions transactions;
    private final MeterRepository meters;
    private final CounterRepository counters;
    private final Clock clock;
    private final ZoneId businessZone;
    private final WriteListener listener;
    private final Reach reach;
    private final ReadingRecorder recorder;


    /** @param writer the reading write path, one per wiring (bootstrap) */
    public CreateReadingWithMeterService(Transactions transactions, MeterRepository meters, CounterRepository counters,
            ReadingSeriesQueries series, Clock clock, ZoneId businessZone, ReadingWriter writer) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
        this.reach = new Reach(meters, counters);
        this.recorder = new ReadingRecorder(meters, counters, series, businessZone, writer);
        this.listener = writer.changes();
    }

    @Override
    public ReadingWithMeterResult create(CreateReadingWithMeterCommand command) {
        Caller caller = command.caller();
        caller.requireAdmin("createReadingWithMeter");
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Meter meter = command.meterId() != null ? reach.meter(caller, command.meterId()) : byMaLoId(caller, command.maLoId(), now);
            List<Counter> fitting = fitting(caller, meter, command);
            if (fitting.isEmpty()) {
                // concurrent calls that need the same new counter must create it once: they queue on
                // the meter, and each looks again once it holds the lock
                meters.lockForCounterChanges(caller.org(), meter.id());
                fitting = fitting(caller, meter, command);
            }
            if (fitting.size() > 1) {
                throw new InvalidRequestException(RejectionReason.NO_COUNTER, "meter " + meter.id() + " has " + fitting.size()
                        + " counters with OBIS number " + command.obisNumber() + "; send direction or tariff_type to choose");
            }
            boolean created = fitting.isEmpty();
            if (created) {
                requireDerivableDirection(meter, command);
            }
            Counter counter = created ? createCounter(caller, meter, command, now) : fitting.get(0);
            ReadingInput input = new ReadingInput(meter.id(), counter.id(), command.direction(), command.timestamp(),
                    command.value(), command.source(), command.reason(), command.readBy(), null, null, null, null,
                    command.unit(), null);
            RecordResult result = recorder.record(caller, List.of(input), command.options(), now);
            ReadingOutcome outcome = result.written().isEmpty() ? ReadingOutcome.pending(result.pending().get(0))
                    : ReadingOutcome.written(result.written().get(0));
            return new ReadingWithMeterResult(counter, created, outcome);
        });
    }

    private List<Counter> fitting(Caller caller, Meter meter, CreateReadingWithMeterCommand command) {
        List<Counter> counters = CreateReadingWithMeterService.this.counters.findByMeter(caller.org(), meter.id());
        return CounterSelection.narrow(CounterSelection.byObis(counters, command.obisNumber()), command.direction(),
                command.tariffType());
    }

    /**
     * The meter with this MaLo id; of several (meter changes), the only one in service: not
     * decommissioned and not past its decommissioning instant (docs/domain.md#decommissioned-meters).
     */
    private Meter byMaLoId(Caller caller, String maLoId, Instant now) {
        List<Meter> meters = CreateReadingWithMeterService.this.meters.search(caller.org(), new MeterSearch(null, null,
                maLoId, null, null, Set.of(), false),
                new PageRequest(0, PageRequest.ALL)).items();
        if (meters.isEmpty()) {
            throw new NotFoundException("no meter with ma_lo_id " + maLoId);
        }
        if (meters.size() == 1) {
            return meters.get(0);
        }
        List<Meter> active = meters.stream().filter(m -> !MeterLifecycle.isClosed(m, businessZone, now)).toList();
        if (active.size() != 1) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, meters.size() + " meters have ma_lo_id " + maLoId
                    + " and " + active.size() + " of them are active; send meter_id");
        }
        return active.get(0);
    }

    /**
     * A counter created here gets its direction from the writer or its OBIS code; the reading then
     * needs one too (docs/domain.md#writing-readings: else feed-out for consume-only sectors). Checked
     * before the counter exists, so the rejection names the meter and the OBIS number the writer
     * knows, not the id of a counter that is never saved. A malformed OBIS number is refused first
     * ({@code invalid_parameter}), as the counter could not be created with it anyway.
     */
    private static void requireDerivableDirection(Meter meter, CreateReadingWithMeterCommand command) {
        // a code that is no OBIS code is the writer's first mistake: say that, not that it names no direction
        ObisCode.requireWellFormed(command.obisNumber().trim());
        boolean derivable = command.direction() != null
                || ObisCode.parse(command.obisNumber()).flatMap(ObisCode::direction).isPresent()
                || meter.sectorIfKnown().filter(Sector::consumptionOnly).isPresent();
        if (!derivable) {
            throw new InvalidRequestException(RejectionReason.NO_DIRECTION, "meter " + meter.id() + " has no counter with OBIS number "
                    + command.obisNumber().trim() + ", and that code names no direction to create one with; send direction");
        }
    }

    /** A counter created here takes the same OBIS numbers as one created by an admin (docs/domain.md#obis-code). */
    private Counter createCounter(Caller caller, Meter meter, CreateReadingWithMeterCommand command, Instant now) {
        Optional<ObisCode> obis = ObisCode.parse(command.obisNumber());
        Counter counter = Counter.builder(CounterId.random(), caller.org(), meter.id(), now)
                .obisNumber(ObisCode.requireWellFormed(command.obisNumber().trim()))
                .direction(command.direction() != null ? command.direction() : obis.flatMap(ObisCode::direction).orElse(null))
                .tariffType(command.tariffType() != null ? command.tariffType() : obis.flatMap(ObisCode::tariffType).orElse(null))
                .unit(command.unit())
                .build();
        counters.insert(counter);
        listener.counterCreated(caller, counter);
        return counter;
    }
}
