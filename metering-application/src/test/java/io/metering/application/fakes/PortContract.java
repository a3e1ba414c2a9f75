package io.metering.application.fakes;

import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.changeset.ProposedReading;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every port contract shares: the ports under test, a fresh random organization per test (plus
 * a second one to prove isolation), and fixtures laid out around {@link #T0}. Each outgoing port has
 * its own abstract {@code *ContractTest} extending this; an implementation subclasses each of them
 * (in memory here, Jdbi in adapters-persistence), so it may share one store between tests.
 */
public abstract class PortContract {
    /** A fixed instant the fixtures are laid out around. */
    protected static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    protected Ports ports;
    protected OrganizationId org;
    protected OrganizationId otherOrg;

    /**
     * The ports under test. Called before each test; may return the same store every time.
     */
    protected abstract Ports ports();

    @BeforeEach
    void setUpPorts() {
        ports = ports();
        org = new OrganizationId("org-" + UUID.randomUUID());
        otherOrg = new OrganizationId("other-" + UUID.randomUUID());
    }

    // ------------------------------------------------------------------------------ fixtures

    protected static Instant hours(double h) {
        return T0.plus(Duration.ofMillis(Math.round(h * 3_600_000)));
    }

    protected static MeterId meterId(String hexPrefix) {
        return new MeterId(uuid(hexPrefix));
    }

    /** A UUID whose first hex digits are given, to pin down the id order. */
    protected static UUID uuid(String hexPrefix) {
        String random = UUID.randomUUID().toString().replace("-", "");
        String hex = (hexPrefix + random).substring(0, 32);
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-8"
                + hex.substring(17, 20) + "-" + hex.substring(20));
    }

    protected Meter meter(OrganizationId o, MeterId id, Instant createdAt) {
        return Meter.builder(id, o, createdAt).title("meter " + id).build();
    }

    protected Meter storedMeter(OrganizationId o) {
        Meter m = meter(o, MeterId.random(), T0);
        ports.meters().insert(m);
        return m;
    }

    protected Counter counter(OrganizationId o, MeterId meter, CounterId id, Instant createdAt) {
        return Counter.builder(id, o, meter, createdAt).title("counter " + id).build();
    }

    protected Counter storedCounter(OrganizationId o, MeterId meter) {
        Counter c = counter(o, meter, CounterId.random(), T0);
        ports.counters().insert(c);
        return c;
    }

    protected static Reading reading(MeterId m, CounterId c, Direction d, Instant ts, String value) {
        return new Reading(m, c, d, ts, new BigDecimal(value), ReadingSource.ERP, null, null, null, null, null, null, null, Map.of());
    }

    protected static Reading withStatus(Reading r, ReadingStatus status) {
        return r.withStatus(status);
    }

    protected static Reading with(Reading r, ReadingSource source, ReadingReason reason, String externalId, Map<String, String> metadata) {
        return new Reading(r.meterId(), r.counterId(), r.direction(), r.timestamp(), r.value(), source, reason, r.readBy(),
                r.status(), externalId, r.remark(), r.note(), r.unit(), metadata);
    }

    protected static SeriesPoint point(Instant ts, String value) {
        return new SeriesPoint(ts, new BigDecimal(value), false, false);
    }

    protected Changeset changeset(OrganizationId o, MeterId m, CounterId c, Instant createdAt, ChangesetId id) {
        ProposedReading proposed = new ProposedReading(new BigDecimal("1250.30"), Direction.FEED_OUT, hours(1), ReadingReason.REGULAR,
                "checked twice", "reader-7", ReadingStatus.VALID, "ext-1");
        return new Changeset(id, o, m, c, proposed, null,
                new ReadingGovernance(EditMode.APPROVAL, null, null, null), createdAt, null, null);
    }

    protected Changeset storedChangeset(OrganizationId o, MeterId m, CounterId c) {
        Changeset cs = changeset(o, m, c, T0, ChangesetId.random());
        ports.changesets().insert(cs);
        return cs;
    }

    protected List<Reading> all(OrganizationId o, CounterId c) {
        return ports.series().range(o, c, Optional.empty(), Instant.MIN, Instant.MAX, SortOrder.ASC, new PageRequest(0, PageRequest.ALL));
    }
}
