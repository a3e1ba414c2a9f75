package io.metering.application.service;

import io.metering.application.service.ServicePorts;
import io.metering.application.access.Caller;
import io.metering.application.fakes.InMemoryStore;
import io.metering.application.fakes.MutableClock;
import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetCreator;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.changeset.ProposedReading;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.governance.TimestampTolerance;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One in-memory world per test: the store behind every port, a settable clock, an admin and a
 * portal caller, and shorthands for meters, counters, readings and changesets.
 */
public final class TestWorld {
    public static final OrganizationId ORG = new OrganizationId("org-1");
    public static final OrganizationId OTHER_ORG = new OrganizationId("org-2");
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** "Now" of every test unless a test moves the clock. */
    public static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    public final InMemoryStore store = new InMemoryStore();
    public final MutableClock clock = new MutableClock(NOW);
    public final ServicePorts ctx = new ServicePorts(store, store, store, store, store, store, clock, BERLIN);
    public final Caller admin = Caller.admin(ORG, "admin-1");
    public final Caller portal = Caller.portal(ORG, "portal-1", "contact-1", Set.of());
    private int counterSequence;

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
}
