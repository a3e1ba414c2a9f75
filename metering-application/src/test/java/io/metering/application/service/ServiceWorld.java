package io.metering.application.service;

import io.metering.application.service.write.WriteListener;

import io.metering.application.service.counter.CounterAdministrationService;
import io.metering.application.service.meter.ForecastProvider;
import io.metering.application.service.meter.MeterAdministrationService;
import io.metering.application.service.meter.MeterViewService;
import io.metering.application.service.reading.ListReadingsService;
import io.metering.application.service.reading.RecordReadingsService;
import io.metering.application.service.TestContext;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.access.Caller;
import io.metering.application.fakes.InMemoryStore;
import io.metering.application.fakes.MutableClock;
import io.metering.application.model.FieldChange;
import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.meter.ContractPeriodInput;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.application.port.in.reading.ReadingView;
import io.metering.application.port.in.reading.ReadingsPage;
import io.metering.application.port.in.reading.ReadingsRequest;
import io.metering.application.port.in.reading.ReadingsSink;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.tenant.OrganizationId;
import io.metering.domain.time.TimeInput;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetCreator;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.changeset.ProposedReading;
import io.metering.domain.governance.TimestampTolerance;
import java.util.function.UnaryOperator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One in-memory world per test: the application services wired to the in-memory ports (one
 * {@link InMemoryStore} behind every port), a settable clock (June 15th 2024, 10:00 UTC), the
 * Europe/Berlin business zone, an admin and a portal caller; helpers that create and change meters
 * and counters through the services with typed changes, and shorthands that store meters, counters,
 * readings and changesets directly (the state a test starts from, no rule applied).
 */
public final class ServiceWorld {
    public static final OrganizationId ORG = new OrganizationId("stadtwerk-nord");
    public static final OrganizationId OTHER_ORG = new OrganizationId("stadtwerk-sued");
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final Instant NOW = Instant.parse("2024-06-15T10:00:00Z");

    public final InMemoryStore store = new InMemoryStore();
    public final MutableClock clock = new MutableClock(NOW);
    public final TestContext ctx = new TestContext(store, store, store, store, store, store, clock, BERLIN);
    public final Caller admin = Caller.admin(ORG, "admin-1");
    public final Caller otherOrgAdmin = Caller.admin(OTHER_ORG, "admin-2");
    /** A portal caller of contact-1, which {@link #portalMeter()} names. */
    public final Caller portal = Caller.portal(ORG, "portal-1", "contact-1", Set.of());
    private int counterSequence;
    public final MeterAdministrationService meters = TestServices.meterAdministration(ctx, WriteListener.NONE);
    public final CounterAdministrationService counters = TestServices.counterAdministration(ctx, WriteListener.NONE);
    public final ListReadingsService listing = TestServices.listReadings(ctx);

    /**
     * The page {@link ListReadingsService#list} answers, after checking that
     * {@link ListReadingsService#stream} yields the same readings, values, totals and changesets.
     */
    @SuppressWarnings("unchecked") // the sink's changesets, kept as they came
    public ReadingsPage listAndStream(ReadingsRequest request) {
        ReadingsPage page = listing.list(request);
        List<ReadingView> streamed = new java.util.ArrayList<>();
        Object[] totals = new Object[3];
        listing.stream(request, new ReadingsSink() {
            @Override
            public void start(long hits, Instant firstRecordAt) {
                totals[0] = hits;
                totals[1] = firstRecordAt;
            }

            @Override
            public void reading(ReadingView reading) {
                streamed.add(reading);
            }

            @Override
            public void end(List<io.metering.domain.changeset.Changeset> pendingChangesets) {
                totals[2] = pendingChangesets;
            }
        });
        org.assertj.core.api.Assertions.assertThat(new ReadingsPage(streamed, (Long) totals[0], (Instant) totals[1],
                (List<io.metering.domain.changeset.Changeset>) totals[2])).as("streamed").isEqualTo(page);
        return page;
    }
    public final MeterViewService views = TestServices.meterViews(ctx, ForecastProvider.NONE);
    public RecordReadingsService recording = TestServices.recordReadingsService(ctx, PlausibilityProvider.NONE);

    public static Caller portal(String contactId, String... contractIds) {
        return Caller.portal(ORG, "portal-" + contactId, contactId, Set.of(contractIds));
    }

    /** A map that, unlike {@link Map#of}, keeps order and allows null values: an extra attribute's JSON-like value. */
    public static Map<String, Object> attrs(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** Sets a field. */
    public static <T> FieldChange<T> set(T value) {
        return FieldChange.set(value);
    }

    /** Relations to entities of one kind ({@code _slug}). */
    public static FieldChange<List<EntityRelation>> relation(String slug, String... entityIds) {
        return set(Arrays.stream(entityIds).map(id -> new EntityRelation(id, slug)).toList());
    }

    /** Governed readings (docs/domain.md#changesets) with the contract's default matching. */
    public static FieldChange<ReadingGovernance> governed(EditMode mode) {
        return set(new ReadingGovernance(mode, null, null, null));
    }

    /** One contract period; bounds are dates or instants, null for open. */
    public static FieldChange<List<ContractPeriodInput>> period(String start, String end) {
        return set(List.of(new ContractPeriodInput(start == null ? null : TimeInput.parse(start, "start_date", BERLIN),
                end == null ? null : TimeInput.parse(end, "end_date", BERLIN))));
    }

    /** A meter created by the admin. */
    public Meter createMeter(MeterChanges.Builder fields) {
        return meters.create(admin, null, fields.build());
    }

    /** The meter changed by the admin. */
    public Meter updateMeter(Meter meter, MeterChanges.Builder changes) {
        return meters.update(admin, meter.id(), changes.build());
    }

    /** A counter of the meter created by the admin. */
    public Counter createCounter(Meter meter, CounterChanges.Builder fields) {
        return counters.create(admin, meter.id(), null, fields.build());
    }

    /** A counter of the meter created by the admin, with this OBIS code. */
    public Counter createCounter(Meter meter, String obis) {
        return createCounter(meter, CounterChanges.builder().obisNumber(set(obis)));
    }

    /** A power meter whose customer relation names the contact. */
    public Meter powerMeterOf(String contactId) {
        return createMeter(MeterChanges.builder().sector(set(Sector.POWER)).customers(relation("contact", contactId)));
    }

    /** A feed-out counter (OBIS 1-0:1.8.0) of the meter. */
    public Counter consumptionCounter(Meter meter) {
        return createCounter(meter, CounterChanges.builder().obisNumber(set("1-0:1.8.0")).direction(set(Direction.FEED_OUT))
                .unit(set("kWh")));
    }

    /** A reading input: value at an instant, source 360. */
    public static Input reading(Meter meter, Counter counter, String isoInstant, String value) {
        return new Input(meter.id()).counter(counter.id()).at(isoInstant).value(value);
    }

    public RecordResult record(Caller caller, WriteOptions options, Input... inputs) {
        return recording.record(new RecordReadingsCommand(caller, Arrays.stream(inputs).map(Input::build).toList(), options));
    }

    public RecordResult record(Input... inputs) {
        return record(admin, WriteOptions.DEFAULT, inputs);
    }

    /** Every stored reading of the counter, ascending (the same as {@link #readings}). */
    public List<Reading> stored(Counter counter) {
        return readings(counter);
    }

    // ------------------------------------------------------------------ the state a test starts from,
    // stored directly in the fakes, bypassing every rule and service

    public Meter meter() {
        return meter(b -> b);
    }

    public Meter meter(UnaryOperator<Meter.Builder> customize) {
        Meter m = customize.apply(Meter.builder(MeterId.random(), ORG, NOW.minusSeconds(86400 * 400))).build();
        store.insert(m);
        return m;
    }

    /** A meter the portal caller may see (its customer relation names contact-1). */
    public Meter portalMeter() {
        return meter(b -> b.customers(List.of(new EntityRelation("contact-1", "contact"))));
    }

    public Meter governedMeter(MatchStrategy strategy, FuzzyConfig fuzzy, TimestampTolerance tolerance) {
        return meter(b -> b.governance(new ReadingGovernance(EditMode.APPROVAL, strategy, fuzzy, tolerance)));
    }

    public Meter governedMeter() {
        return governedMeter(MatchStrategy.EXACT, null, new TimestampTolerance.Exact());
    }

    public Counter counter(Meter m) {
        return counter(m, b -> b);
    }

    public Counter counter(Meter m, UnaryOperator<Counter.Builder> customize) {
        // distinct creation instants keep the repositories' "creation time, then id" order deterministic
        Instant created = NOW.minusSeconds(86400 * 400).plusSeconds(++counterSequence);
        Counter c = customize.apply(Counter.builder(CounterId.random(), m.org(), m.id(), created)).build();
        store.insert(c);
        return c;
    }

    /** A feed-out counter (OBIS 1-0:1.8.0). */
    public Counter feedOutCounter(Meter m) {
        return counter(m, b -> b.obisNumber("1-0:1.8.0").direction(Direction.FEED_OUT));
    }

    public static Instant at(String instant) {
        return Instant.parse(instant);
    }

    public static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /** Stores a reading directly, bypassing every rule (the state a test starts from). */
    public Reading stored(Counter c, Direction d, String instant, String value) {
        return stored(reading(c, d, instant, value));
    }

    public Reading stored(Reading r) {
        store.upsert(ORG, List.of(r));
        return r;
    }

    public static Reading reading(Counter c, Direction d, String instant, String value) {
        return new Reading(c.meterId(), c.id(), d, at(instant), dec(value), ReadingSource.APP_360, null, null, null, null, null,
                null, null, Map.of());
    }

    /** Every reading of the counter, oldest first. */
    public List<Reading> readings(Counter c) {
        return store.range(ORG, c.id(), Optional.empty(), TimestampInputs.MIN, TimestampInputs.MAX, SortOrder.ASC,
                new PageRequest(0, PageRequest.ALL));
    }

    /** The values of every reading of the counter, oldest first, as plain strings. */
    public List<String> values(Counter c) {
        return readings(c).stream().map(r -> r.value().toPlainString()).toList();
    }

    public List<Changeset> changesets(Counter c) {
        return store.findByCounter(ORG, c.meterId(), c.id());
    }

    /** Stores a pending changeset proposing {@code value} at {@code instant}. */
    public Changeset pendingChangeset(Meter m, Counter c, String instant, String value) {
        Changeset cs = new Changeset(ChangesetId.random(), ORG, m.id(), c.id(),
                new ProposedReading(dec(value), null, at(instant), null, null, null, null, null), null, m.governance(),
                NOW.minusSeconds(60), new ChangesetCreator("portal_user", "portal-1"), ReadingSource.ECP);
        store.insert(cs);
        return cs;
    }

    /** Bounds wide enough to list every reading. */
    public static final class TimestampInputs {
        public static final Instant MIN = Instant.parse("1900-01-01T00:00:00Z");
        public static final Instant MAX = Instant.parse("9999-01-01T00:00:00Z");

        private TimestampInputs() {}
    }

    /** A reading as a writer sends it. */
    public static final class Input {
        private final MeterId meterId;
        private CounterId counterId;
        private Direction direction;
        private Instant timestamp;
        private BigDecimal value;
        private ReadingSource source = ReadingSource.APP_360;
        private String reason;
        private ReadingStatus status;

        Input(MeterId meterId) {
            this.meterId = meterId;
        }

        Input counter(CounterId id) {
            counterId = id;
            return this;
        }

        public Input direction(Direction d) {
            direction = d;
            return this;
        }

        Input at(String isoInstant) {
            timestamp = isoInstant == null ? null : Instant.parse(isoInstant);
            return this;
        }

        Input value(String v) {
            value = new BigDecimal(v);
            return this;
        }

        public Input source(ReadingSource s) {
            source = s;
            return this;
        }

        public Input reason(String r) {
            reason = r;
            return this;
        }

        public Input status(ReadingStatus s) {
            status = s;
            return this;
        }

        public ReadingInput build() {
            return new ReadingInput(meterId, counterId, direction, timestamp, value, source, ReadingReason.of(reason), null, status, null, null,
                    null, null, null);
        }
    }
}
