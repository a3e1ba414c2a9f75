package io.metering.application.service.counter;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.access.Caller;
import io.metering.application.model.PageRequest;
import io.metering.application.model.CounterLocator;
import io.metering.application.port.in.counter.LocateCountersUseCase;
import io.metering.application.model.MeterKey;
import io.metering.application.port.out.MeterSearch;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.ObisCode;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Finds meters by MaLo id, MeLo id (the meter attribute {@code me_lo_id}) or meter number, and
 * counters by OBIS code, for imports (docs/import-export.md "Keys"). A key that names nothing or
 * several meters or counters is refused, never guessed.
 */
public final class CounterLocatorService implements LocateCountersUseCase {
    /** The meter attribute that holds a meter's MeLo id (docs/import-export.md "Keys"). */
    public static final String ME_LO_ATTRIBUTE = "me_lo_id";

    private final Transactions transactions;
    private final MeterRepository meters;
    private final CounterRepository counters;

    public CounterLocatorService(Transactions transactions, MeterRepository meters, CounterRepository counters) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.counters = Objects.requireNonNull(counters, "counters");
    }

    @Override
    public CounterLocator locator(Caller caller) {
        caller.requireAdmin("importing readings");
        return new Cached(caller);
    }

    /** One import's locator: each key is looked up once. */
    private final class Cached implements CounterLocator {
        private final Caller caller;
        private final Map<MeterKey, MeterId> meters = new HashMap<>();
        private final Map<MeterId, List<Counter>> counters = new HashMap<>();

        Cached(Caller caller) {
            this.caller = caller;
        }

        @Override
        public MeterId meter(MeterKey key) {
            MeterId known = meters.get(key);
            if (known != null) {
                return known;
            }
            MeterId found = key.kind() == MeterKey.Kind.METER_ID ? parse(key) : lookUp(key);
            meters.put(key, found);
            return found;
        }

        private MeterId parse(MeterKey key) {
            try {
                return new MeterId(UUID.fromString(key.value()));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "meter_id '" + key.value() + "' is not a UUID");
            }
        }

        private MeterId lookUp(MeterKey key) {
            List<Meter> found = transactions.readOnly(() -> switch (key.kind()) {
                case MA_LO_ID -> CounterLocatorService.this.meters.search(caller.org(), new MeterSearch(null, null,
                        key.value(), null, null, Set.of(), false),
                        new PageRequest(0, PageRequest.ALL)).items();
                case METER_NUMBER -> CounterLocatorService.this.meters.search(caller.org(),
                        new MeterSearch(null, null, null, key.value(), null, Set.of(), false), new PageRequest(0, PageRequest.ALL)).items();
                case ME_LO_ID -> CounterLocatorService.this.meters.findByAttribute(caller.org(), ME_LO_ATTRIBUTE, key.value());
                case METER_ID -> throw new IllegalArgumentException("a meter id is not looked up");
            }).stream().filter(caller::canSee).toList();
            if (found.isEmpty()) {
                throw new InvalidRequestException(RejectionReason.UNKNOWN_KEY, "no meter has " + key);
            }
            if (found.size() > 1) {
                throw new InvalidRequestException(RejectionReason.AMBIGUOUS_KEY, found.size() + " meters have " + key + " ("
                        + found.stream().limit(3).map(m -> m.id().toString()).toList() + (found.size() > 3 ? " ..." : "") + ")");
            }
            return found.get(0).id();
        }

        @Override
        public CounterId counter(MeterId meter, String obisNumber, Direction direction) {
            List<Counter> ofMeter = counters.computeIfAbsent(meter,
                    m -> transactions.readOnly(() -> CounterLocatorService.this.counters.findByMeter(caller.org(), m)));
            List<Counter> matching = ofMeter.stream().filter(c -> ObisCode.sameRegister(c.obisNumber(), obisNumber)).toList();
            if (matching.size() > 1 && direction != null) {
                // the meter's direction rules: a counter measures its declared direction, else the one its OBIS code names
                matching = matching.stream().filter(c -> c.impliedDirection().map(direction::equals).orElse(true)).toList();
            }
            if (matching.isEmpty()) {
                throw new InvalidRequestException(RejectionReason.UNKNOWN_KEY,
                        "meter " + meter + " has no counter with OBIS code '" + obisNumber + "'");
            }
            if (matching.size() > 1) {
                throw new InvalidRequestException(RejectionReason.AMBIGUOUS_KEY, "meter " + meter + " has " + matching.size()
                        + " counters with OBIS code '" + obisNumber + "'" + (direction == null ? "; name a direction or the counter_id" : ""));
            }
            return matching.get(0).id();
        }
    }
}
