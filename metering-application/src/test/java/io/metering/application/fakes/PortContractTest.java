package io.metering.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.ChangesetQueueFilter;
import io.metering.application.model.ChangesetQueuePosition;
import io.metering.application.model.ImplausibleQueueFilter;
import io.metering.application.model.PageRequest;
import io.metering.application.model.ReadingQueuePosition;
import io.metering.application.model.SortOrder;
import io.metering.application.port.out.MeterSearch;
import io.metering.application.port.out.NeighbourProbe;
import io.metering.application.port.out.Neighbours;
import io.metering.application.port.out.PruneCounts;
import io.metering.application.port.out.PruneScope;
import io.metering.application.port.out.ScopedWindow;
import io.metering.application.port.out.SeriesWindow;
import io.metering.application.port.out.ReadingMatch;
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
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.ContractPeriod;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.meter.MeterType;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.reading.SeriesPoint;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The executable contract of the outgoing ports (their Javadoc), run against every implementation:
 * the in-memory store and the database adapter must both pass it unchanged.
 *
 * <p>Each test works in a fresh random organization (plus a second one to prove isolation), so an
 * implementation may share one store between tests.
 */
public abstract class PortContractTest {
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

    private List<Reading> all(OrganizationId o, CounterId c) {
        return ports.series().range(o, c, Optional.empty(), Instant.MIN, Instant.MAX, SortOrder.ASC, new PageRequest(0, PageRequest.ALL));
    }

    // ------------------------------------------------------------------------------ meters

    @Nested
    class Meters {
        @Test
        void storesEveryAttributeExactly() {
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("list", Arrays.asList(new BigDecimal("1"), "x", false, null));
            nested.put("nothing", null);
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("note", "text");
            attributes.put("flag", true);
            attributes.put("ratio", new BigDecimal("1.50"));
            attributes.put("big", new BigDecimal("12345678901234567890.123456789"));
            attributes.put("tiny", new BigDecimal("0.000000010"));
            attributes.put("nested", nested);
            Meter m = Meter.builder(MeterId.random(), org, T0)
                    .title("Main meter")
                    .tags(List.of("b", "a"))
                    .maLoId("12345678901")
                    .meterNumber("MN-1")
                    .status(MeterStatus.DECOMMISSIONED)
                    .sector(Sector.GAS)
                    .meterType(MeterType.BELLOW_GAS_METER)
                    .tariffType("Grundversorgung")
                    .usedFor("household")
                    .manufacturer("ACME")
                    .calibrationDate("2023-05-01")
                    .customers(List.of(new EntityRelation("contact-1", "contact"), new EntityRelation("contact-2", null)))
                    .contracts(List.of(new EntityRelation("contract-1", "contract")))
                    .contractPeriods(List.of(new ContractPeriod(T0, hours(24 * 365)), new ContractPeriod(hours(24 * 400), null)))
                    .governance(new ReadingGovernance(EditMode.EXTERNAL, MatchStrategy.FUZZY,
                            new FuzzyConfig(new BigDecimal("0.050"), new BigDecimal("2.5")), new TimestampTolerance.WithinSeconds(300)))
                    .attributes(attributes)
                    .updatedAt(hours(1))
                    .build();

            ports.meters().insert(m);

            Meter found = ports.meters().findById(org, m.id()).orElseThrow();
            assertThat(found).isEqualTo(m);
            assertThat((BigDecimal) found.attributes().get("ratio")).hasToString("1.50");
            assertThat(found.attributes().get("nested")).isEqualTo(nested);
        }

        @Test
        void storesEachGovernanceShape() {
            List<ReadingGovernance> shapes = List.of(
                    new ReadingGovernance(EditMode.APPROVAL, null, null, null),
                    new ReadingGovernance(EditMode.EXTERNAL, MatchStrategy.EXACT, null, new TimestampTolerance.SameDay(ZoneId.of("Europe/Berlin"))),
                    new ReadingGovernance(EditMode.EXTERNAL, MatchStrategy.FUZZY, new FuzzyConfig(null, null), TimestampTolerance.SameDay.utc()),
                    new ReadingGovernance(EditMode.APPROVAL, MatchStrategy.FUZZY, new FuzzyConfig(null, new BigDecimal("0")),
                            new TimestampTolerance.WithinSeconds(0)));
            for (ReadingGovernance g : shapes) {
                Meter m = meter(org, MeterId.random(), T0).toBuilder().governance(g).build();
                ports.meters().insert(m);
                assertThat(ports.meters().findById(org, m.id()).orElseThrow().governance()).isEqualTo(g);
            }
        }

        @Test
        void storesInstantsToTheMillisecond() {
            Meter m = meter(org, MeterId.random(), T0.plusNanos(123_456_789)).toBuilder().updatedAt(T0.plusNanos(999_999_999)).build();

            ports.meters().insert(m);

            Meter found = ports.meters().findById(org, m.id()).orElseThrow();
            assertThat(found.createdAt()).isEqualTo(T0.plusMillis(123));
            assertThat(found.updatedAt()).isEqualTo(T0.plusMillis(999));
        }

        @Test
        void isolatesOrganizations() {
            MeterId id = MeterId.random();
            Meter mine = meter(org, id, T0);
            Meter theirs = meter(otherOrg, id, T0).toBuilder().title("theirs").build();
            ports.meters().insert(mine);

            assertThat(ports.meters().findById(otherOrg, id)).isEmpty();
            assertThat(ports.meters().findByIds(otherOrg, List.of(id))).isEmpty();
            assertThat(ports.meters().search(otherOrg, MeterSearch.all(), new PageRequest(0, PageRequest.ALL)).total()).isZero();
            assertThat(ports.meters().delete(otherOrg, id)).isFalse();
            ports.meters().update(theirs);
            assertThat(ports.meters().findById(org, id)).contains(mine);

            ports.meters().insert(theirs);
            assertThat(ports.meters().findById(otherOrg, id)).contains(theirs);
            assertThat(ports.meters().findById(org, id)).contains(mine);
        }

        @Test
        void updateReplacesTheMeter() {
            Meter m = storedMeter(org);
            Meter changed = m.toBuilder().title(null).tags(List.of("new")).status(MeterStatus.DECOMMISSIONED)
                    .customers(List.of(new EntityRelation("contact-9", null))).attributes(Map.of("k", "v")).updatedAt(hours(2)).build();

            ports.meters().update(changed);

            assertThat(ports.meters().findById(org, m.id())).contains(changed);
            assertThat(ports.meters().search(org, new MeterSearch("contact-9", null, null, null, null, Set.of(), false),
                    new PageRequest(0, 10)).items()).containsExactly(changed);
        }

        @Test
        void updateOfAnUnknownMeterStoresNothing() {
            Meter m = meter(org, MeterId.random(), T0);

            ports.meters().update(m);

            assertThat(ports.meters().findById(org, m.id())).isEmpty();
        }

        @Test
        void findByIdsReturnsTheExistingOnesOnce() {
            Meter a = storedMeter(org);
            Meter b = storedMeter(org);

            List<Meter> found = ports.meters().findByIds(org, List.of(a.id(), MeterId.random(), b.id(), a.id()));

            assertThat(found).containsExactlyInAnyOrder(a, b);
            assertThat(ports.meters().findByIds(org, List.of())).isEmpty();
        }

        @Test
        void findByAttributeMatchesTheTextInTheOrganization() {
            Meter a = meter(org, MeterId.random(), T0).toBuilder().attributes(Map.of("me_lo_id", "DE0001", "x", "y")).build();
            Meter b = meter(org, MeterId.random(), T0).toBuilder().attributes(Map.of("me_lo_id", "DE0002")).build();
            Meter other = meter(otherOrg, MeterId.random(), T0).toBuilder().attributes(Map.of("me_lo_id", "DE0001")).build();
            for (Meter m : List.of(a, b, other)) {
                ports.meters().insert(m);
            }

            assertThat(ports.meters().findByAttribute(org, "me_lo_id", "DE0001")).containsExactly(a);
            assertThat(ports.meters().findByAttribute(org, "me_lo_id", "DE0003")).isEmpty();
        }

        @Test
        void searchFiltersOrdersAndWindows() {
            Meter b = meter(org, meterId("f0"), T0).toBuilder().maLoId("11111111111")
                    .contracts(List.of(new EntityRelation("contract-1", "contract"))).build();
            Meter a = meter(org, meterId("00"), hours(1)).toBuilder()
                    .customers(List.of(new EntityRelation("contact-1", "contact"))).build();
            Meter c = meter(org, meterId("80"), hours(1)).toBuilder().meterNumber("MN-C")
                    .customers(List.of(new EntityRelation("contact-2", "contact")))
                    .contracts(List.of(new EntityRelation("contract-2", "contract"), new EntityRelation("contract-3", null))).build();
            Meter d = meter(org, meterId("10"), hours(2));
            for (Meter m : List.of(d, c, a, b)) {
                ports.meters().insert(m);
            }
            ports.meters().insert(meter(otherOrg, MeterId.random(), T0).toBuilder()
                    .customers(List.of(new EntityRelation("contact-1", "contact"))).build());
            PageRequest all = new PageRequest(0, PageRequest.ALL);

            // creation time, then id in its text order (c's id would sort first under UUID.compareTo)
            assertThat(ports.meters().search(org, MeterSearch.all(), all).items()).containsExactly(b, a, c, d);
            assertThat(ports.meters().search(org, new MeterSearch("contact-1", null, null, null, null, Set.of(), false), all).items())
                    .containsExactly(a);
            assertThat(ports.meters().search(org, new MeterSearch(null, "contract-3", null, null, null, Set.of(), false), all).items())
                    .containsExactly(c);
            assertThat(ports.meters().search(org, new MeterSearch(null, null, "11111111111", null, null, Set.of(), false), all).items())
                    .containsExactly(b);
            assertThat(ports.meters().search(org, new MeterSearch(null, null, null, "MN-C", null, Set.of(), false), all).items())
                    .containsExactly(c);
            assertThat(ports.meters().search(org, new MeterSearch(null, "contract-2", null, "MN-X", null, Set.of(), false), all).items())
                    .isEmpty();
        }

        @Test
        void textSearchMatchesNumberPrefixesAndWholeIds() {
            Meter a = meter(org, meterId("00"), T0).toBuilder().maLoId("51238696781").meterNumber("E0000000000000011")
                    .customers(List.of(new EntityRelation("contact-7", "contact"))).build();
            Meter b = meter(org, meterId("10"), hours(1)).toBuilder().maLoId("51200000000").meterNumber("ab_%1")
                    .contracts(List.of(new EntityRelation("contract-7", "contract"))).build();
            Meter c = meter(org, meterId("20"), hours(2)).toBuilder().meterNumber("G0000000000000022").build();
            for (Meter m : List.of(a, b, c)) {
                ports.meters().insert(m);
            }
            ports.meters().insert(meter(otherOrg, MeterId.random(), T0).toBuilder().maLoId("51238696781").build());
            PageRequest all = new PageRequest(0, PageRequest.ALL);
            java.util.function.Function<String, List<Meter>> find = text ->
                    ports.meters().search(org, new MeterSearch(null, null, null, null, null, Set.of(), false, text), all).items();

            assertThat(find.apply("512")).containsExactly(a, b);
            assertThat(find.apply("5123")).containsExactly(a);
            assertThat(find.apply("e000")).containsExactly(a);
            assertThat(find.apply("AB_%")).as("LIKE wildcards are literal").containsExactly(b);
            assertThat(find.apply("a_")).isEmpty();
            assertThat(find.apply("0000")).as("a prefix, not a substring").isEmpty();
            assertThat(find.apply("contact-7")).containsExactly(a);
            assertThat(find.apply("contact")).as("relation ids match whole").isEmpty();
            assertThat(find.apply("contract-7")).containsExactly(b);
            assertThat(find.apply(c.id().toString())).containsExactly(c);
            assertThat(find.apply("  ")).containsExactly(a, b, c);
            assertThat(ports.meters().search(org, new MeterSearch(null, null, null, null, null, Set.of(), false, "5"),
                    new PageRequest(1, 1))).satisfies(p -> {
                        assertThat(p.items()).containsExactly(b);
                        assertThat(p.total()).isEqualTo(2);
                    });
        }

        @Test
        void portalSearchSeesMetersByContactOrContract() {
            Meter byContract = meter(org, meterId("10"), T0).toBuilder()
                    .contracts(List.of(new EntityRelation("contract-1", "contract"))).build();
            Meter byContact = meter(org, meterId("20"), T0).toBuilder()
                    .customers(List.of(new EntityRelation("contact-2", "contact"))).build();
            Meter neither = meter(org, meterId("30"), T0).toBuilder()
                    .customers(List.of(new EntityRelation("contact-3", "contact")))
                    .contracts(List.of(new EntityRelation("contract-3", "contract"))).build();
            List.of(byContract, byContact, neither).forEach(ports.meters()::insert);
            PageRequest all = new PageRequest(0, PageRequest.ALL);

            assertThat(ports.meters().search(org, MeterSearch.reachableBy("contact-2", Set.of("contract-1", "contract-9")), all).items())
                    .containsExactly(byContract, byContact);
            assertThat(ports.meters().search(org, MeterSearch.reachableBy(null, Set.of("contract-1")), all).items())
                    .containsExactly(byContract);
            assertThat(ports.meters().search(org, MeterSearch.reachableBy(null, Set.of()), all).items()).isEmpty();
            assertThat(ports.meters().search(org, MeterSearch.reachableBy("contact-2", Set.of()).withContract("contract-3"), all).items())
                    .isEmpty();
            assertThat(ports.meters().search(org, MeterSearch.reachableBy("contact-3", Set.of()).withContract("contract-3"), all).items())
                    .containsExactly(neither);
        }

        @Test
        void searchWindowsKeepTheTotal() {
            List<Meter> meters = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Meter m = meter(org, MeterId.random(), hours(i));
                ports.meters().insert(m);
                meters.add(m);
            }

            var page = ports.meters().search(org, MeterSearch.all(), new PageRequest(1, 2));
            assertThat(page.items()).containsExactly(meters.get(1), meters.get(2));
            assertThat(page.total()).isEqualTo(5);
            assertThat(ports.meters().search(org, MeterSearch.all(), new PageRequest(3, PageRequest.ALL)).items())
                    .containsExactly(meters.get(3), meters.get(4));
            assertThat(ports.meters().search(org, MeterSearch.all(), new PageRequest(0, 10)).total()).isEqualTo(5);
            var beyond = ports.meters().search(org, MeterSearch.all(), new PageRequest(10, 5));
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.total()).isEqualTo(5);
            var none = ports.meters().search(org, MeterSearch.all(), new PageRequest(0, 0));
            assertThat(none.items()).isEmpty();
            assertThat(none.total()).isEqualTo(5);
        }

        @Test
        void deleteRemovesCountersReadingsAndChangesetsOfThatMeterOnly() {
            Meter m = storedMeter(org);
            Counter c1 = storedCounter(org, m.id());
            Counter c2 = storedCounter(org, m.id());
            Meter other = storedMeter(org);
            Counter c3 = storedCounter(org, other.id());
            ports.readings().insert(org, List.of(
                    reading(m.id(), c1.id(), Direction.FEED_OUT, hours(1), "1"),
                    reading(m.id(), c1.id(), Direction.FEED_IN, hours(1), "2"),
                    reading(m.id(), c2.id(), Direction.FEED_OUT, hours(1), "3"),
                    reading(other.id(), c3.id(), Direction.FEED_OUT, hours(1), "4")));
            Changeset cs1 = storedChangeset(org, m.id(), c1.id());
            Changeset cs3 = storedChangeset(org, other.id(), c3.id());

            assertThat(ports.meters().delete(org, m.id())).isTrue();

            assertThat(ports.meters().findById(org, m.id())).isEmpty();
            assertThat(ports.counters().findByMeter(org, m.id())).isEmpty();
            assertThat(ports.counters().findById(org, c1.id())).isEmpty();
            assertThat(all(org, c1.id())).isEmpty();
            assertThat(all(org, c2.id())).isEmpty();
            assertThat(ports.changesets().findById(org, cs1.id())).isEmpty();
            assertThat(ports.meters().findById(org, other.id())).isPresent();
            assertThat(ports.counters().findByMeter(org, other.id())).containsExactly(c3);
            assertThat(all(org, c3.id())).hasSize(1);
            assertThat(ports.changesets().findById(org, cs3.id())).contains(cs3);
            assertThat(ports.meters().delete(org, m.id())).isFalse();
        }

        @Test
        void aTakenIdIsAConflict() {
            Meter m = storedMeter(org);

            assertThatThrownBy(() -> ports.meters().insert(meter(org, m.id(), T0))).isInstanceOf(ConflictException.class);
            ports.meters().insert(meter(otherOrg, m.id(), T0));
        }

        @Test
        void locksForCounterChangesInsideTransactionsOnly() {
            Meter m = storedMeter(org);

            ports.transactions().inTransaction(() -> {
                ports.meters().lockForCounterChanges(org, m.id());
                return null;
            });
            assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                ports.meters().lockForCounterChanges(otherOrg, m.id());
                return null;
            })).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> ports.meters().lockForCounterChanges(org, m.id())).isInstanceOf(IllegalStateException.class);
        }
    }

    // ------------------------------------------------------------------------------ counters

    @Nested
    class Counters {
        @Test
        void storesEveryAttributeExactly() {
            Meter m = storedMeter(org);
            Counter c = Counter.builder(CounterId.random(), org, m.id(), T0)
                    .title("HT")
                    .obisNumber("1-0:1.8.1")
                    .direction(Direction.FEED_IN)
                    .tariffType(TariffType.HT)
                    .unit("kWh")
                    .transformerRatio(new BigDecimal("1.5"))
                    .conversionFactor(new BigDecimal("10.123456789012"))
                    .registerCapacity(new BigDecimal("100000"))
                    .attributes(Map.of("digits", new BigDecimal("5"), "label", "north"))
                    .updatedAt(hours(1))
                    .build();

            ports.counters().insert(c);

            assertThat(ports.counters().findById(org, c.id())).contains(c);
            assertThat(ports.counters().findById(otherOrg, c.id())).isEmpty();
            assertThat(ports.counters().findByMeter(otherOrg, m.id())).isEmpty();
        }

        @Test
        void storesAMinimalCounter() {
            Meter m = storedMeter(org);
            Counter c = counter(org, m.id(), CounterId.random(), T0).toBuilder().title(null).build();

            ports.counters().insert(c);

            assertThat(ports.counters().findById(org, c.id())).contains(c);
        }

        @Test
        void listsCountersByCreationThenId() {
            Meter m = storedMeter(org);
            Meter n = storedMeter(org);
            Counter late1 = counter(org, m.id(), new CounterId(uuid("80")), hours(1));
            Counter early = counter(org, m.id(), new CounterId(uuid("ff")), T0);
            Counter late0 = counter(org, m.id(), new CounterId(uuid("00")), hours(1));
            Counter ofN = counter(org, n.id(), CounterId.random(), hours(0.5));
            List.of(late1, early, late0, ofN).forEach(ports.counters()::insert);

            assertThat(ports.counters().findByMeter(org, m.id())).containsExactly(early, late0, late1);
            assertThat(ports.counters().findByMeters(org, List.of(m.id(), n.id(), MeterId.random()))).containsExactly(early, ofN, late0, late1);
            assertThat(ports.counters().findByMeters(org, List.of())).isEmpty();
        }

        @Test
        void updateReplacesTheCounterInItsOrganizationOnly() {
            Meter m = storedMeter(org);
            Counter c = storedCounter(org, m.id());
            Counter changed = c.toBuilder().unit("MWh").transformerRatio(new BigDecimal("40")).updatedAt(hours(3)).build();

            ports.counters().update(changed);
            ports.counters().update(counter(otherOrg, m.id(), c.id(), T0).toBuilder().unit("m3").build());

            assertThat(ports.counters().findById(org, c.id())).contains(changed);
            assertThat(ports.counters().findById(otherOrg, c.id())).isEmpty();
        }

        @Test
        void deleteRemovesReadingsAndChangesetsOfThatCounterOnly() {
            Meter m = storedMeter(org);
            Counter c1 = storedCounter(org, m.id());
            Counter c2 = storedCounter(org, m.id());
            ports.readings().insert(org, List.of(
                    reading(m.id(), c1.id(), Direction.FEED_OUT, hours(1), "1"),
                    reading(m.id(), c1.id(), Direction.FEED_IN, hours(2), "1"),
                    reading(m.id(), c2.id(), Direction.FEED_OUT, hours(1), "2")));
            Changeset cs1 = storedChangeset(org, m.id(), c1.id());
            Changeset cs2 = storedChangeset(org, m.id(), c2.id());

            assertThat(ports.counters().delete(otherOrg, c1.id())).isFalse();
            assertThat(all(org, c1.id())).hasSize(2);

            assertThat(ports.counters().delete(org, c1.id())).isTrue();

            assertThat(ports.counters().findById(org, c1.id())).isEmpty();
            assertThat(all(org, c1.id())).isEmpty();
            assertThat(ports.changesets().findById(org, cs1.id())).isEmpty();
            assertThat(ports.counters().findByMeter(org, m.id())).containsExactly(c2);
            assertThat(all(org, c2.id())).hasSize(1);
            assertThat(ports.changesets().findById(org, cs2.id())).contains(cs2);
            assertThat(ports.meters().findById(org, m.id())).isPresent();
            assertThat(ports.counters().delete(org, c1.id())).isFalse();
        }

        @Test
        void locksInsideTransactionsOnly() {
            Meter m = storedMeter(org);
            Counter c = storedCounter(org, m.id());

            ports.transactions().inTransaction(() -> {
                ports.counters().lockForReadingWrite(org, List.of(c.id(), c.id()));
                ports.counters().lockForReadingWrite(org, List.of());
                return null;
            });

            assertThatThrownBy(() -> ports.counters().lockForReadingWrite(org, List.of(c.id())))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ports.transactions().readOnly(() -> {
                ports.counters().lockForReadingWrite(org, List.of(c.id()));
                return null;
            })).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void lockingByMetersReturnsTheirCountersAsFindByMetersDoes() {
            Meter m1 = storedMeter(org);
            Meter m2 = storedMeter(org);
            storedCounter(org, m1.id());
            storedCounter(org, m2.id());
            storedCounter(org, m1.id());
            List<Counter> expected = ports.counters().findByMeters(org, List.of(m1.id(), m2.id()));

            List<Counter> locked = ports.transactions().inTransaction(() -> ports.counters().lockByMeters(org, List.of(m1.id(), m2.id(), m1.id())));
            List<Counter> foreign = ports.transactions().inTransaction(() -> ports.counters().lockByMeters(otherOrg, List.of(m1.id())));

            assertThat(expected).hasSize(3);
            assertThat(locked).containsExactlyElementsOf(expected);
            assertThat(foreign).isEmpty();
            assertThatThrownBy(() -> ports.counters().lockByMeters(org, List.of(m1.id()))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void aTakenCounterIdIsAConflict() {
            Meter m = storedMeter(org);
            Counter c = storedCounter(org, m.id());

            assertThatThrownBy(() -> ports.counters().insert(counter(org, m.id(), c.id(), T0))).isInstanceOf(ConflictException.class);
        }

        @Test
        void lockingACounterThatIsGoneIsNotFound() {
            Meter m = storedMeter(org);
            Counter c = storedCounter(org, m.id());
            CounterId gone = CounterId.random();

            assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                ports.counters().lockForReadingWrite(org, List.of(c.id(), gone));
                return null;
            })).isInstanceOf(NotFoundException.class).hasMessageContaining(gone.toString());
            assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                ports.counters().lockForReadingWrite(otherOrg, List.of(c.id()));
                return null;
            })).isInstanceOf(NotFoundException.class);
        }
    }

    // ------------------------------------------------------------------------------ reading writes

    @Nested
    class ReadingWrites {
        @Test
        void storesEveryFieldExactly() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("batch", "7");
            metadata.put("origin", "import \"quoted\"");
            Reading full = new Reading(m, c, Direction.FEED_IN, T0.plusMillis(1), new BigDecimal("1250.30"), ReadingSource.JOURNEY_SUBMISSION,
                    ReadingReason.METER_CHANGE, "reader-1", ReadingStatus.IN_VALIDATION, "ext-1", "remark", "note", "kWh", metadata);
            Reading minimal = reading(m, c, Direction.FEED_IN, T0.plusMillis(2), "0");

            ports.readings().insert(org, List.of(full, minimal));

            Map<ReadingKey, Reading> found = ports.readings().findByKeys(org, List.of(full.key(), minimal.key()));
            assertThat(found).containsOnlyKeys(full.key(), minimal.key());
            assertThat(found.get(full.key())).isEqualTo(full);
            assertThat(found.get(full.key()).value()).hasToString("1250.3");
            assertThat(found.get(minimal.key())).isEqualTo(minimal);
            assertThat(ports.readings().findByKeys(otherOrg, List.of(full.key()))).isEmpty();
        }

        @Test
        void keepsDecimalsExact() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            ports.readings().insert(org, List.of(
                    reading(m, c, Direction.FEED_OUT, hours(1), "0.1"),
                    reading(m, c, Direction.FEED_OUT, hours(2), "0.2"),
                    reading(m, c, Direction.FEED_OUT, hours(3), "1250.2"),
                    reading(m, c, Direction.FEED_OUT, hours(4), "1250.3"),
                    reading(m, c, Direction.FEED_OUT, hours(5), "999999999999999999.999999999999")));

            List<BigDecimal> values = all(org, c).stream().map(Reading::value).toList();

            assertThat(values.get(0).add(values.get(1))).isEqualTo(new BigDecimal("0.3"));
            assertThat(values.get(3).subtract(values.get(2))).isEqualTo(new BigDecimal("0.1"));
            assertThat(values.get(4)).isEqualTo(new BigDecimal("999999999999999999.999999999999"));
        }

        @Test
        void keepsMillisecondsApart() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Reading first = reading(m, c, Direction.FEED_OUT, T0.plusMillis(1), "1");
            Reading second = reading(m, c, Direction.FEED_OUT, T0.plusMillis(2), "2");
            ports.readings().insert(org, List.of(first, second));

            assertThat(all(org, c)).containsExactly(first, second);
            assertThat(ports.series().range(org, c, Optional.empty(), T0.plusMillis(2), T0.plusMillis(2), SortOrder.ASC,
                    new PageRequest(0, 10))).containsExactly(second);
            assertThat(ports.readings().findByKeys(org, List.of(new ReadingKey(first.series(), T0.plusNanos(1_000_001))))).isEmpty();
        }

        @Test
        void insertRefusesAStoredKeyAndRollsBackWithTheTransaction() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Reading stored = reading(m, c, Direction.FEED_OUT, hours(1), "1");
            ports.readings().insert(org, List.of(stored));
            Reading fresh = reading(m, c, Direction.FEED_OUT, hours(2), "2");

            assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                ports.readings().insert(org, List.of(fresh, reading(m, c, Direction.FEED_OUT, hours(1), "5")));
                return null;
            })).isInstanceOf(RuntimeException.class);

            assertThat(all(org, c)).containsExactly(stored);
        }

        @Test
        void sameKeyInAnotherOrganizationIsAnotherReading() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Reading mine = reading(m, c, Direction.FEED_OUT, hours(1), "1");
            Reading theirs = reading(m, c, Direction.FEED_OUT, hours(1), "2");

            ports.readings().insert(org, List.of(mine));
            ports.readings().insert(otherOrg, List.of(theirs));

            assertThat(all(org, c)).containsExactly(mine);
            assertThat(all(otherOrg, c)).containsExactly(theirs);
        }

        @Test
        void upsertReplacesStoredKeysAndTheLaterOfTwoWins() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Reading stored = reading(m, c, Direction.FEED_OUT, hours(1), "1");
            ports.readings().insert(org, List.of(stored));
            Reading replacement = with(reading(m, c, Direction.FEED_OUT, hours(1), "1.5"), ReadingSource.ECP, ReadingReason.REGULAR, "e", Map.of("a", "b"));
            Reading fresh = reading(m, c, Direction.FEED_OUT, hours(2), "2");
            Reading freshAgain = reading(m, c, Direction.FEED_OUT, hours(2), "2.5");

            ports.readings().upsert(org, List.of(replacement, fresh, freshAgain));

            assertThat(all(org, c)).containsExactly(replacement, freshAgain);
        }

        @Test
        void deleteCountsTheStoredKeys() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            Reading a = reading(m, c, Direction.FEED_OUT, hours(1), "1");
            Reading b = reading(m, c, Direction.FEED_IN, hours(1), "1");
            Reading kept = reading(m, c, Direction.FEED_OUT, hours(2), "2");
            ports.readings().insert(org, List.of(a, b, kept));
            ports.readings().insert(otherOrg, List.of(a));

            assertThat(ports.readings().delete(otherOrg, List.of(b.key()))).isZero();
            int deleted = ports.readings().delete(org, List.of(a.key(), b.key(), a.key(),
                    new ReadingKey(a.series(), hours(3)), new ReadingKey(a.series(), hours(1).plusNanos(1))));

            assertThat(deleted).isEqualTo(2);
            assertThat(all(org, c)).containsExactly(kept);
            assertThat(all(otherOrg, c)).containsExactly(a);
            assertThat(ports.readings().delete(org, List.of())).isZero();
        }
    }

    // ------------------------------------------------------------------------------ neighbours

    @Nested
    class NeighbourLookups {
        MeterId m = MeterId.random();
        CounterId c = CounterId.random();
        SeriesKey out = new SeriesKey(c, Direction.FEED_OUT);
        Reading r1 = reading(m, c, Direction.FEED_OUT, hours(1), "100");
        Reading r2 = withStatus(reading(m, c, Direction.FEED_OUT, hours(2), "150000"), ReadingStatus.IMPLAUSIBLE);
        Reading r3 = reading(m, c, Direction.FEED_OUT, hours(3), "120");
        Reading r4 = withStatus(reading(m, c, Direction.FEED_OUT, hours(4), "130"), ReadingStatus.VALID);
        Reading r5 = with(reading(m, c, Direction.FEED_OUT, hours(5), "5"), ReadingSource.ERP, ReadingReason.METER_CHANGE, null, Map.of());

        @BeforeEach
        void store() {
            ports.readings().insert(org, List.of(r1, r2, r3, r4, r5, reading(m, c, Direction.FEED_IN, hours(2.5), "7")));
            ports.readings().insert(otherOrg, List.of(reading(m, c, Direction.FEED_OUT, hours(2.5), "110")));
        }

        @Test
        void findsTheNearestPlausibleReadingsOnEachSide() {
            NeighbourProbe between = new NeighbourProbe(out, hours(2.5));
            NeighbourProbe onAReading = new NeighbourProbe(out, hours(3));
            NeighbourProbe beforeAll = new NeighbourProbe(out, T0);
            NeighbourProbe afterAll = new NeighbourProbe(out, hours(6));
            NeighbourProbe subMillisecond = new NeighbourProbe(out, hours(3).plusNanos(500_000));
            NeighbourProbe emptySeries = new NeighbourProbe(new SeriesKey(CounterId.random(), Direction.FEED_OUT), hours(3));
            List<NeighbourProbe> probes = List.of(between, onAReading, beforeAll, afterAll, subMillisecond, emptySeries, between);

            Map<NeighbourProbe, Neighbours> found = ports.readings().neighbours(org, probes, List.of());

            assertThat(found).containsOnlyKeys(new java.util.HashSet<>(probes));
            assertThat(found.get(between)).isEqualTo(new Neighbours(Optional.of(r1.point()), Optional.of(r3.point())));
            assertThat(found.get(onAReading)).isEqualTo(new Neighbours(Optional.of(r1.point()), Optional.of(r4.point())));
            assertThat(found.get(beforeAll)).isEqualTo(new Neighbours(Optional.empty(), Optional.of(r1.point())));
            assertThat(found.get(afterAll)).isEqualTo(new Neighbours(Optional.of(r5.point()), Optional.empty()));
            assertThat(found.get(subMillisecond)).isEqualTo(new Neighbours(Optional.of(r3.point()), Optional.of(r4.point())));
            assertThat(found.get(emptySeries)).isEqualTo(Neighbours.NONE);
            assertThat(r5.point().segmentStart()).isTrue();
        }

        @Test
        void ignoresExcludedReadings() {
            NeighbourProbe onR3 = new NeighbourProbe(out, hours(3));
            NeighbourProbe afterR3 = new NeighbourProbe(out, hours(3.5));

            Map<NeighbourProbe, Neighbours> found = ports.readings().neighbours(org, List.of(onR3, afterR3),
                    List.of(r4.key(), r1.key(), new ReadingKey(out, hours(9))));

            assertThat(found.get(onR3)).isEqualTo(new Neighbours(Optional.empty(), Optional.of(r5.point())));
            assertThat(found.get(afterR3)).isEqualTo(new Neighbours(Optional.of(r3.point()), Optional.of(r5.point())));
        }

        @Test
        void seeOnlyTheOrganizationsReadings() {
            NeighbourProbe probe = new NeighbourProbe(out, hours(2));

            assertThat(ports.readings().neighbours(otherOrg, List.of(probe), List.of()).get(probe))
                    .isEqualTo(new Neighbours(Optional.empty(), Optional.of(point(hours(2.5), "110"))));
            assertThat(ports.readings().neighbours(org, List.of(), List.of())).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------ matching and prune

    @Nested
    class MatchingAndPrune {
        @Test
        void findMatchingSelectsByEveryCriterion() {
            MeterId m = MeterId.random();
            CounterId c1 = CounterId.random();
            CounterId c2 = CounterId.random();
            Reading a = with(reading(m, c1, Direction.FEED_OUT, hours(1), "1"), ReadingSource.ERP, null, "e1", Map.of("k", "v1"));
            Reading b = with(reading(m, c1, Direction.FEED_OUT, hours(2), "2"), ReadingSource.ERP, null, "e2", Map.of("k", "v2", "z", "1"));
            Reading c = with(reading(m, c2, Direction.FEED_IN, hours(1), "3"), ReadingSource.ERP, null, "e1", Map.of("k", "v1"));
            ports.readings().insert(org, List.of(b, c, a));
            ports.readings().insert(otherOrg, List.of(a));
            List<Reading> atOneHour = c1.toString().compareTo(c2.toString()) < 0 ? List.of(a, c) : List.of(c, a);

            List<List<Reading>> found = ports.readings().findMatching(org, List.of(
                    new ReadingMatch(m, null, null, null, "e1", null),
                    new ReadingMatch(null, c1, Direction.FEED_OUT, hours(2), null, null),
                    new ReadingMatch(null, null, null, null, null, Map.of("k", "v1")),
                    new ReadingMatch(m, null, null, null, null, Map.of("z", "1", "k", "v2")),
                    new ReadingMatch(m, null, null, null, "nope", null),
                    new ReadingMatch(null, c1, null, null, null, null),
                    new ReadingMatch(null, c1, Direction.FEED_OUT, hours(2).plusNanos(1), null, null),
                    new ReadingMatch(m, null, null, null, "e2", null)));

            assertThat(found).containsExactly(atOneHour, List.of(b), atOneHour, List.of(b), List.of(), List.of(a, b), List.of(), List.of(b));
            assertThat(ports.readings().findMatching(otherOrg, List.of(new ReadingMatch(m, null, null, null, "e2", null))))
                    .containsExactly(List.of());
        }

        @Test
        void findMatchingRefusesAnEmptyMatch() {
            assertThatThrownBy(() -> ports.readings().findMatching(org, List.of(new ReadingMatch(null, null, null, null, null, Map.of()))))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        private record PruneFixture(MeterId meter, CounterId c1, CounterId c2, MeterId otherMeter) {}

        private PruneFixture pruneFixture() {
            PruneFixture f = new PruneFixture(MeterId.random(), CounterId.random(), CounterId.random(), MeterId.random());
            ports.readings().insert(org, List.of(
                    with(reading(f.meter(), f.c1(), Direction.FEED_OUT, hours(1), "1"), ReadingSource.ERP, null, "a", Map.of()),
                    with(reading(f.meter(), f.c1(), Direction.FEED_OUT, hours(2), "2"), ReadingSource.ERP, null, "b", Map.of()),
                    with(reading(f.meter(), f.c1(), Direction.FEED_OUT, hours(3), "3"), ReadingSource.ECP, null, "c", Map.of()),
                    with(reading(f.meter(), f.c1(), Direction.FEED_OUT, hours(4), "4"), ReadingSource.ERP, null, null, Map.of()),
                    with(reading(f.meter(), f.c1(), Direction.FEED_IN, hours(4), "4"), ReadingSource.ECP, null, null, Map.of()),
                    with(reading(f.meter(), f.c2(), Direction.FEED_OUT, hours(1), "1"), ReadingSource.ERP, null, "a", Map.of()),
                    with(reading(f.meter(), f.c2(), Direction.FEED_OUT, hours(2), "2"), ReadingSource.ERP, null, null, Map.of()),
                    with(reading(f.otherMeter(), CounterId.random(), Direction.FEED_OUT, hours(1), "1"), ReadingSource.ERP, null, "x", Map.of())));
            ports.readings().insert(otherOrg, List.of(
                    with(reading(f.meter(), f.c1(), Direction.FEED_OUT, hours(2), "2"), ReadingSource.ERP, null, "b", Map.of())));
            return f;
        }

        private List<String> remaining(PruneFixture f) {
            List<Reading> left = new ArrayList<>(all(org, f.c1()));
            left.addAll(all(org, f.c2()));
            return left.stream().map(r -> (r.counterId().equals(f.c1()) ? "c1:" : "c2:") + r.direction().code() + ":" + r.externalId()).toList();
        }

        @Test
        void pruneOfAMeterDeletesUnlistedExternalIdsAndKeepsReadingsWithoutOne() {
            PruneFixture f = pruneFixture();
            PruneScope scope = new PruneScope(f.meter(), null, null, Set.of("a", "zzz"));

            PruneCounts dry = ports.readings().prune(org, scope, true);
            assertThat(remaining(f)).hasSize(7);
            PruneCounts real = ports.readings().prune(org, scope, false);

            assertThat(dry).isEqualTo(new PruneCounts(2, 5));
            assertThat(real).isEqualTo(dry);
            assertThat(remaining(f)).containsExactlyInAnyOrder("c1:feed-out:a", "c1:feed-out:null", "c1:feed-in:null",
                    "c2:feed-out:a", "c2:feed-out:null");
            assertThat(all(otherOrg, f.c1())).hasSize(1);
            assertThat(ports.readings().findMatching(org, List.of(new ReadingMatch(f.otherMeter(), null, null, null, null, null))).get(0))
                    .hasSize(1);
        }

        @Test
        void pruneWithCounterAndSourceAlsoDeletesReadingsWithoutExternalId() {
            PruneFixture f = pruneFixture();
            PruneScope scope = new PruneScope(f.meter(), f.c1(), ReadingSource.ERP, Set.of("a"));

            PruneCounts dry = ports.readings().prune(org, scope, true);
            PruneCounts real = ports.readings().prune(org, scope, false);

            assertThat(dry).isEqualTo(new PruneCounts(2, 1));
            assertThat(real).isEqualTo(dry);
            assertThat(remaining(f)).containsExactlyInAnyOrder("c1:feed-out:a", "c1:feed-out:c", "c1:feed-in:null",
                    "c2:feed-out:a", "c2:feed-out:null");
        }

        @Test
        void pruneWithAnEmptyKeepListAndAnotherOrganization() {
            PruneFixture f = pruneFixture();

            assertThat(ports.readings().prune(otherOrg, new PruneScope(f.meter(), null, null, Set.of()), true))
                    .isEqualTo(new PruneCounts(1, 0));
            assertThat(ports.readings().prune(org, new PruneScope(f.meter(), f.c2(), null, Set.of()), false))
                    .isEqualTo(new PruneCounts(1, 1));
            assertThat(remaining(f)).contains("c2:feed-out:null").doesNotContain("c2:feed-out:a");
            assertThat(ports.readings().prune(org, new PruneScope(MeterId.random(), null, ReadingSource.ERP, Set.of()), false))
                    .isEqualTo(new PruneCounts(0, 0));
        }

        @Test
        void pruneReturningDeletesWhatAPruneDeletesAndReturnsThoseReadingsAsStored() {
            PruneFixture f = pruneFixture();
            PruneScope scope = new PruneScope(f.meter(), null, null, Set.of("a", "zzz"));
            PruneCounts dry = ports.readings().prune(org, scope, true);

            List<Reading> deleted = ports.readings().pruneReturning(org, scope);

            assertThat(deleted).hasSize((int) dry.deleted());
            assertThat(deleted).allSatisfy(r -> assertThat(r.externalId()).isNotNull().isNotEqualTo("a"));
            assertThat(remaining(f)).containsExactlyInAnyOrder("c1:feed-out:a", "c1:feed-out:null", "c1:feed-in:null",
                    "c2:feed-out:a", "c2:feed-out:null");
            assertThat(all(otherOrg, f.c1())).hasSize(1);

            // another organization's prune of the same meter id returns and deletes only its own reading
            assertThat(ports.readings().pruneReturning(otherOrg, new PruneScope(f.meter(), null, null, Set.of()))).hasSize(1);
            assertThat(all(otherOrg, f.c1())).isEmpty();
            assertThat(remaining(f)).hasSize(5);
        }
    }

    // ------------------------------------------------------------------------------ series queries

    @Nested
    class Series {
        MeterId m = MeterId.random();
        CounterId c = CounterId.random();
        SeriesKey out = new SeriesKey(c, Direction.FEED_OUT);
        Reading in05 = reading(m, c, Direction.FEED_IN, hours(0.5), "0.5");
        Reading in1 = reading(m, c, Direction.FEED_IN, hours(1), "1");
        Reading out1 = reading(m, c, Direction.FEED_OUT, hours(1), "10");
        Reading out2 = withStatus(reading(m, c, Direction.FEED_OUT, hours(2), "20000"), ReadingStatus.IMPLAUSIBLE);
        Reading out3 = with(reading(m, c, Direction.FEED_OUT, hours(3), "30"), ReadingSource.ERP, ReadingReason.METER_ADJUSTMENT, null, Map.of());
        Reading in3 = reading(m, c, Direction.FEED_IN, hours(3), "3");
        Reading in4 = withStatus(reading(m, c, Direction.FEED_IN, hours(4), "4"), ReadingStatus.VALID);

        @BeforeEach
        void store() {
            ports.readings().insert(org, List.of(in4, out3, in3, out2, out1, in1, in05));
            ports.readings().insert(otherOrg, List.of(reading(m, c, Direction.FEED_OUT, hours(2.5), "25")));
        }

        private List<Reading> range(Optional<Direction> d, Instant from, Instant to, SortOrder sort, long offset, int limit) {
            return ports.series().range(org, c, d, from, to, sort, new PageRequest(offset, limit));
        }

        @Test
        void aWindowFarBeyondTheEndIsEmpty() {
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, Long.MAX_VALUE, Integer.MAX_VALUE)).isEmpty();
            assertThat(range(Optional.of(Direction.FEED_IN), T0, hours(10), SortOrder.DESC, Long.MAX_VALUE - 1, 2)).isEmpty();
        }

        @Test
        void rangeOrdersByTimestampThenDirection() {
            List<Reading> ascending = List.of(in05, in1, out1, out2, in3, out3, in4);
            List<Reading> descending = new ArrayList<>(ascending);
            java.util.Collections.reverse(descending);

            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, 0, PageRequest.ALL)).containsExactlyElementsOf(ascending);
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.DESC, 0, PageRequest.ALL)).containsExactlyElementsOf(descending);
            assertThat(range(Optional.of(Direction.FEED_IN), T0, hours(10), SortOrder.ASC, 0, PageRequest.ALL))
                    .containsExactly(in05, in1, in3, in4);
            assertThat(ports.series().range(otherOrg, c, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(0, 10)))
                    .hasSize(1);
        }

        @Test
        void streamRangeYieldsTheRangeWithEachReadingsLastPlausiblePredecessor() {
            for (SortOrder sort : SortOrder.values()) {
                for (PageRequest page : List.of(new PageRequest(0, PageRequest.ALL), new PageRequest(2, 3), new PageRequest(0, 0))) {
                    List<Reading> streamed = new ArrayList<>();
                    List<Optional<SeriesPoint>> previous = new ArrayList<>();
                    ports.transactions().readOnly(() -> {
                        ports.series().streamRange(org, c, Optional.empty(), hours(1), hours(10), sort, page, true, (r, p) -> {
                            streamed.add(r);
                            previous.add(p);
                        });
                        return null;
                    });
                    assertThat(streamed).as(sort + " " + page).containsExactlyElementsOf(range(Optional.empty(), hours(1), hours(10), sort,
                            page.offset(), page.limit()));
                    for (int i = 0; i < streamed.size(); i++) {
                        Reading r = streamed.get(i);
                        assertThat(previous.get(i)).as(r.toString())
                                .isEqualTo(ports.series().lastPlausibleBefore(org, new SeriesKey(c, r.direction()), r.timestamp()));
                    }
                }
            }
            List<Optional<SeriesPoint>> previousOfOut3 = new ArrayList<>();
            ports.transactions().readOnly(() -> {
                ports.series().streamRange(org, c, Optional.of(Direction.FEED_OUT), hours(3), hours(3), SortOrder.DESC,
                        new PageRequest(0, PageRequest.ALL), true, (r, p) -> previousOfOut3.add(p));
                return null;
            });
            assertThat(previousOfOut3).as("the implausible out2 is skipped, out1 lies before the range")
                    .containsExactly(Optional.of(out1.point()));
        }

        @Test
        void rangeWindows() {
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, 1, 3)).containsExactly(in1, out1, out2);
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.DESC, 2, 2)).containsExactly(in3, out2);
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, 5, PageRequest.ALL)).containsExactly(out3, in4);
            assertThat(range(Optional.of(Direction.FEED_OUT), T0, hours(10), SortOrder.DESC, 1, 1)).containsExactly(out2);
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, 7, 5)).isEmpty();
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, 0, 0)).isEmpty();
        }

        @Test
        void rangeWindowsFarBeyondTheEndAreEmptyEvenWhenOffsetPlusSizeOverflows() {
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.ASC, Long.MAX_VALUE, 1)).isEmpty();
            assertThat(range(Optional.empty(), T0, hours(10), SortOrder.DESC, Long.MAX_VALUE - 7, 8)).isEmpty();
            assertThat(range(Optional.of(Direction.FEED_IN), T0, hours(10), SortOrder.ASC, Long.MAX_VALUE - 1, 100)).isEmpty();
        }

        @Test
        void rangeBoundsAreInclusiveToTheMillisecond() {
            assertThat(range(Optional.empty(), hours(1), hours(3), SortOrder.ASC, 0, PageRequest.ALL))
                    .containsExactly(in1, out1, out2, in3, out3);
            assertThat(range(Optional.empty(), hours(1).plusMillis(1), hours(3).minusMillis(1), SortOrder.ASC, 0, PageRequest.ALL))
                    .containsExactly(out2);
            assertThat(range(Optional.empty(), hours(1).plusNanos(1), hours(3).minusNanos(1), SortOrder.ASC, 0, PageRequest.ALL))
                    .containsExactly(out2);
            assertThat(range(Optional.empty(), hours(3), hours(1), SortOrder.ASC, 0, PageRequest.ALL)).isEmpty();
            assertThat(range(Optional.empty(), Instant.MIN, Instant.MAX, SortOrder.ASC, 0, PageRequest.ALL)).hasSize(7);
        }

        @Test
        void countsWhatRangeSelects() {
            assertThat(ports.series().count(org, c, Optional.empty(), T0, hours(10))).isEqualTo(7);
            assertThat(ports.series().count(org, c, Optional.of(Direction.FEED_OUT), hours(1), hours(3))).isEqualTo(3);
            assertThat(ports.series().count(org, c, Optional.empty(), hours(1).plusNanos(1), hours(3).minusNanos(1))).isEqualTo(1);
            assertThat(ports.series().count(otherOrg, c, Optional.empty(), T0, hours(10))).isEqualTo(1);
            assertThat(ports.series().count(org, CounterId.random(), Optional.empty(), T0, hours(10))).isZero();
        }

        @Test
        void aWindowCarriesItsHitsAndTheFirstTimestamp() {
            SeriesWindow full = ports.series().window(org, c, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(1, 3));
            assertThat(full.readings()).containsExactly(in1, out1, out2);
            assertThat(full.hits()).isEqualTo(7);
            assertThat(full.firstTimestamp()).contains(hours(0.5));

            SeriesWindow desc = ports.series().window(org, c, Optional.empty(), hours(1), hours(3), SortOrder.DESC, new PageRequest(0, 2));
            assertThat(desc.readings()).containsExactly(out3, in3);
            assertThat(desc.hits()).isEqualTo(5);

            SeriesWindow partial = ports.series().window(org, c, Optional.of(Direction.FEED_OUT), T0, hours(10), SortOrder.ASC,
                    new PageRequest(0, 20));
            assertThat(partial.readings()).containsExactly(out1, out2, out3);
            assertThat(partial.hits()).isEqualTo(3);
            assertThat(partial.firstTimestamp()).contains(hours(1));

            SeriesWindow all = ports.series().window(org, c, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(0, PageRequest.ALL));
            assertThat(all.readings()).hasSize(7);
            assertThat(all.hits()).isEqualTo(7);

            SeriesWindow past = ports.series().window(org, c, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(9, 5));
            assertThat(past.readings()).isEmpty();
            assertThat(past.hits()).isEqualTo(7);

            SeriesWindow none = ports.series().window(org, c, Optional.empty(), hours(5), hours(10), SortOrder.ASC, new PageRequest(0, 5));
            assertThat(none.readings()).isEmpty();
            assertThat(none.hits()).isZero();
            assertThat(none.firstTimestamp()).as("of the counter, not of the range").contains(hours(0.5));

            SeriesWindow zero = ports.series().window(org, c, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(0, 0));
            assertThat(zero.readings()).isEmpty();
            assertThat(zero.hits()).isEqualTo(7);

            SeriesWindow unknown = ports.series().window(org, CounterId.random(), Optional.empty(), T0, hours(10), SortOrder.ASC,
                    new PageRequest(0, 5));
            assertThat(unknown).isEqualTo(new SeriesWindow(List.of(), 0, Optional.empty()));
        }

        /** A store that answers in one statement brings the same window and the meter and counter the ids name. */
        @Test
        void aScopedWindowIsTheWindowWithItsMeterAndCounter() {
            ports.meters().insert(meter(org, m, T0));
            ports.counters().insert(counter(org, m, c, T0));
            PageRequest page = new PageRequest(1, 3);
            Optional<ScopedWindow> scoped = ports.series().scopedWindow(org, m, c, Optional.empty(), T0, hours(10), SortOrder.ASC, page);
            Assumptions.assumeTrue(scoped.isPresent(), "this store answers through window, meter and counter");

            assertThat(scoped.get().meter()).isEqualTo(ports.meters().findById(org, m));
            assertThat(scoped.get().counter()).isEqualTo(ports.counters().findById(org, c));
            assertThat(scoped.get().window()).isEqualTo(ports.series().window(org, c, Optional.empty(), T0, hours(10), SortOrder.ASC, page));
            ScopedWindow empty = ports.series().scopedWindow(org, m, c, Optional.of(Direction.FEED_OUT), hours(5), hours(10), SortOrder.DESC,
                    page).orElseThrow();
            assertThat(empty.meter()).isPresent();
            assertThat(empty.counter()).isPresent();
            assertThat(empty.window()).isEqualTo(ports.series().window(org, c, Optional.of(Direction.FEED_OUT), hours(5), hours(10),
                    SortOrder.DESC, page));

            MeterId otherMeter = storedMeter(org).id();
            ScopedWindow throughOtherMeter = scoped(org, otherMeter, c);
            assertThat(throughOtherMeter.meter().map(Meter::id)).contains(otherMeter);
            assertThat(throughOtherMeter.counter()).as("the counter belongs to another meter").isEmpty();
            ScopedWindow noMeter = scoped(org, MeterId.random(), c);
            assertThat(noMeter.meter()).isEmpty();
            assertThat(noMeter.counter()).isEmpty();
            ScopedWindow noCounter = scoped(org, m, CounterId.random());
            assertThat(noCounter.meter()).isPresent();
            assertThat(noCounter.counter()).isEmpty();
            ScopedWindow otherOrganization = scoped(otherOrg, m, c);
            assertThat(otherOrganization.meter()).isEmpty();
            assertThat(otherOrganization.counter()).isEmpty();
        }

        private ScopedWindow scoped(OrganizationId o, MeterId meter, CounterId counter) {
            return ports.series().scopedWindow(o, meter, counter, Optional.empty(), T0, hours(10), SortOrder.ASC, new PageRequest(0, 5))
                    .orElseThrow();
        }

        @Test
        void maxValueCoversEveryDirectionAndStatusOfTheCounterInTheOrganization() {
            assertThat(ports.series().maxValue(org, c)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("20000"));
            assertThat(ports.series().maxValue(org, CounterId.random())).isEmpty();
            assertThat(ports.series().maxValue(otherOrg, c)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("25"));
        }

        @Test
        void firstTimestampOfTheCounterOrDirection() {
            assertThat(ports.series().firstTimestamp(org, c, Optional.empty())).contains(hours(0.5));
            assertThat(ports.series().firstTimestamp(org, c, Optional.of(Direction.FEED_OUT))).contains(hours(1));
            assertThat(ports.series().firstTimestamp(otherOrg, c, Optional.of(Direction.FEED_IN))).isEmpty();
            assertThat(ports.series().firstTimestamp(org, CounterId.random(), Optional.empty())).isEmpty();
        }

        @Test
        void plausibleNeighboursOfAnInstant() {
            assertThat(ports.series().lastPlausibleBefore(org, out, hours(3))).contains(out1.point());
            assertThat(ports.series().lastPlausibleBefore(org, out, hours(3).plusNanos(1))).contains(out3.point());
            assertThat(ports.series().lastPlausibleBefore(org, out, hours(1))).isEmpty();
            assertThat(ports.series().lastPlausibleAtOrBefore(org, out, hours(3))).contains(out3.point());
            assertThat(ports.series().lastPlausibleAtOrBefore(org, out, hours(3).minusNanos(1))).contains(out1.point());
            assertThat(ports.series().firstPlausibleAfter(org, out, hours(1))).contains(out3.point());
            assertThat(ports.series().firstPlausibleAfter(org, out, hours(1).minusNanos(1))).contains(out1.point());
            assertThat(ports.series().firstPlausibleAfter(org, out, hours(3))).isEmpty();
            assertThat(ports.series().lastPlausibleBefore(otherOrg, out, hours(3))).contains(point(hours(2.5), "25"));
            assertThat(out3.point().segmentStart()).isTrue();
        }

        @Test
        void recentAndBetween() {
            SeriesKey in = new SeriesKey(c, Direction.FEED_IN);

            assertThat(ports.series().recentPlausible(org, out, hours(3), 5)).containsExactly(out3.point(), out1.point());
            assertThat(ports.series().recentPlausible(org, in, hours(3.5), 2)).containsExactly(in3.point(), in1.point());
            assertThat(ports.series().recentPlausible(org, in, hours(10), 0)).isEmpty();
            assertThat(ports.series().plausibleBetween(org, out, hours(1), hours(3))).containsExactly(out1.point(), out3.point());
            assertThat(ports.series().plausibleBetween(org, in, hours(1).plusNanos(1), hours(4))).containsExactly(in3.point(), in4.point());
            assertThat(ports.series().plausibleBetween(otherOrg, in, T0, hours(10))).isEmpty();
        }

        @Test
        void latestPlausibleReadingPerCounter() {
            CounterId tie = CounterId.random();
            CounterId onlyImplausible = CounterId.random();
            CounterId empty = CounterId.random();
            Reading tieOut = reading(m, tie, Direction.FEED_OUT, hours(5), "2");
            Reading laterImplausible = withStatus(reading(m, tie, Direction.FEED_IN, hours(6), "9"), ReadingStatus.IMPLAUSIBLE);
            ports.readings().insert(org, List.of(reading(m, tie, Direction.FEED_IN, hours(5), "1"), tieOut, laterImplausible,
                    withStatus(reading(m, onlyImplausible, Direction.FEED_OUT, hours(1), "1"), ReadingStatus.IMPLAUSIBLE)));

            Map<CounterId, Reading> latest = ports.series().latestPlausible(org, List.of(c, tie, onlyImplausible, empty, c));

            assertThat(latest).containsOnlyKeys(c, tie);
            assertThat(latest.get(c)).isEqualTo(in4);
            assertThat(latest.get(tie)).isEqualTo(tieOut);
            assertThat(ports.series().latestPlausible(otherOrg, List.of(c, tie)).keySet()).containsExactly(c);
            assertThat(ports.series().latestPlausible(org, List.of())).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------ changesets

    @Nested
    class Changesets {
        @Test
        void storesEveryFieldExactly() {
            MeterId m = MeterId.random();
            CounterId c = CounterId.random();
            ProposedReading previous = new ProposedReading(new BigDecimal("1E+3"), null, null, null, null, null, null, null);
            Changeset full = new Changeset(ChangesetId.random(), org, m, c,
                    new ProposedReading(new BigDecimal("1250.30"), Direction.FEED_IN, hours(1).plusMillis(7), ReadingReason.METER_CHANGE, "r",
                            "reader", ReadingStatus.IMPLAUSIBLE, "ext-9"),
                    previous,
                    new ReadingGovernance(EditMode.EXTERNAL, MatchStrategy.FUZZY, new FuzzyConfig(new BigDecimal("0.10"), null),
                            new TimestampTolerance.SameDay(ZoneId.of("Europe/Berlin"))),
                    hours(2), new ChangesetCreator("portal_user", "user-1"), ReadingSource.ECP);
            Changeset minimal = changeset(org, m, c, hours(3), ChangesetId.random());

            ports.changesets().insert(full);
            ports.changesets().insert(minimal);

            assertThat(ports.changesets().findById(org, full.id())).contains(full);
            assertThat(ports.changesets().findById(org, minimal.id())).contains(minimal);
            assertThat(ports.changesets().findById(otherOrg, full.id())).isEmpty();
            assertThat(ports.changesets().findById(org, full.id()).orElseThrow().proposed().value()).hasToString("1250.30");
        }

        @Test
        void listsOldestFirstThenById() {
            MeterId m = MeterId.random();
            MeterId n = MeterId.random();
            CounterId c = CounterId.random();
            CounterId d = CounterId.random();
            Changeset late8 = changeset(org, m, c, hours(1), new ChangesetId(uuid("80")));
            Changeset early = changeset(org, m, c, T0, new ChangesetId(uuid("ff")));
            Changeset late0 = changeset(org, m, c, hours(1), new ChangesetId(uuid("00")));
            Changeset ofD = changeset(org, m, d, hours(0.5), ChangesetId.random());
            Changeset otherMeter = changeset(org, n, c, hours(0.25), ChangesetId.random());
            List.of(late8, early, late0, ofD, otherMeter).forEach(ports.changesets()::insert);
            ports.changesets().insert(changeset(otherOrg, m, c, T0, ChangesetId.random()));

            assertThat(ports.changesets().findByCounter(org, m, c)).containsExactly(early, late0, late8);
            assertThat(ports.changesets().findByCounters(org, List.of(c, d))).containsExactly(early, otherMeter, ofD, late0, late8);
            assertThat(ports.changesets().findByCounters(org, List.of())).isEmpty();
            assertThat(ports.changesets().findByCounter(otherOrg, m, c)).hasSize(1);
        }

        @Test
        void updateAndDeleteInTheOrganizationOnly() {
            Changeset cs = storedChangeset(org, MeterId.random(), CounterId.random());
            Changeset patched = cs.withProposed(new ProposedReading(new BigDecimal("7"), null, hours(9), null, null, null, null, null));

            ports.changesets().update(patched);
            ports.changesets().update(new Changeset(cs.id(), otherOrg, cs.meterId(), cs.counterId(), cs.proposed(), null,
                    cs.governance(), T0, null, null));

            assertThat(ports.changesets().findById(org, cs.id())).contains(patched);
            assertThat(ports.changesets().findById(otherOrg, cs.id())).isEmpty();
            assertThat(ports.changesets().delete(otherOrg, cs.id())).isFalse();
            assertThat(ports.changesets().delete(org, cs.id())).isTrue();
            assertThat(ports.changesets().delete(org, cs.id())).isFalse();
            assertThat(ports.changesets().findById(org, cs.id())).isEmpty();
        }
    }

    // ------------------------------------------------------------------------------ review queues

    @Nested
    class ReviewQueues {
        @Test
        void pendingChangesetsOfTheOrganizationOldestFirstFilteredAndPaged() {
            MeterId m = MeterId.random();
            MeterId n = MeterId.random();
            CounterId c = CounterId.random();
            CounterId d = CounterId.random();
            Changeset late8 = changeset(org, m, c, hours(2), new ChangesetId(uuid("80")));
            Changeset early = changeset(org, n, d, T0, new ChangesetId(uuid("ff")));
            Changeset late0 = changeset(org, m, c, hours(2), new ChangesetId(uuid("00")));
            Changeset fromPortal = new Changeset(ChangesetId.random(), org, m, d, early.proposed(), null, early.governance(), hours(1),
                    new ChangesetCreator("portal_user", "user-1"), ReadingSource.ECP);
            List.of(late8, early, late0, fromPortal).forEach(ports.changesets()::insert);
            ports.changesets().insert(changeset(otherOrg, m, c, T0, ChangesetId.random()));
            ChangesetQueueFilter none = ChangesetQueueFilter.NONE;

            assertThat(ports.changesets().findPending(org, none, null, 10)).containsExactly(early, fromPortal, late0, late8);
            assertThat(ports.changesets().findPending(org, none, null, 2)).containsExactly(early, fromPortal);
            assertThat(ports.changesets().findPending(org, none, new ChangesetQueuePosition(late0.createdAt(), late0.id()), 10))
                    .containsExactly(late8);
            assertThat(ports.changesets().findPending(org, new ChangesetQueueFilter(m, null, null, null, null), null, 10))
                    .containsExactly(fromPortal, late0, late8);
            assertThat(ports.changesets().findPending(org, new ChangesetQueueFilter(null, d, null, null, null), null, 10))
                    .containsExactly(early, fromPortal);
            assertThat(ports.changesets().findPending(org, new ChangesetQueueFilter(null, null, ReadingSource.ECP, null, null), null, 10))
                    .containsExactly(fromPortal);
            assertThat(ports.changesets().findPending(org, new ChangesetQueueFilter(null, null, null, hours(1), hours(2)), null, 10))
                    .containsExactly(fromPortal);
            assertThat(ports.changesets().countPending(org, none, 1000)).isEqualTo(4);
            assertThat(ports.changesets().countPending(org, none, 3)).isEqualTo(3);
            assertThat(ports.changesets().countPending(org, new ChangesetQueueFilter(m, c, null, null, null), 1000)).isEqualTo(2);
            assertThat(ports.changesets().countPending(otherOrg, none, 1000)).isEqualTo(1);
        }

        @Test
        void implausibleReadingsOfTheOrganizationInEitherOrderFilteredAndPaged() {
            MeterId m = MeterId.random();
            MeterId n = MeterId.random();
            CounterId c = new CounterId(uuid("10"));
            CounterId d = new CounterId(uuid("f0"));
            Reading first = withStatus(reading(m, c, Direction.FEED_OUT, hours(1), "5"), ReadingStatus.IMPLAUSIBLE);
            Reading tieOut = withStatus(reading(m, d, Direction.FEED_OUT, hours(2), "5"), ReadingStatus.IMPLAUSIBLE);
            Reading tieIn = withStatus(reading(m, d, Direction.FEED_IN, hours(2), "5"), ReadingStatus.IMPLAUSIBLE);
            Reading tieC = withStatus(reading(m, c, Direction.FEED_OUT, hours(2), "9"), ReadingStatus.IMPLAUSIBLE);
            Reading other = with(withStatus(reading(n, CounterId.random(), Direction.FEED_OUT, hours(3), "1"), ReadingStatus.IMPLAUSIBLE),
                    ReadingSource.ECP, null, null, Map.of());
            ports.readings().insert(org, List.of(first, tieOut, tieIn, tieC, other,
                    reading(m, c, Direction.FEED_OUT, hours(0.5), "1"),
                    withStatus(reading(m, c, Direction.FEED_OUT, hours(4), "100"), ReadingStatus.VALID)));
            ports.readings().insert(otherOrg, List.of(withStatus(reading(m, c, Direction.FEED_OUT, hours(1), "5"), ReadingStatus.IMPLAUSIBLE)));
            ImplausibleQueueFilter none = ImplausibleQueueFilter.NONE;

            assertThat(ports.series().implausible(org, none, SortOrder.ASC, null, 10)).containsExactly(first, tieC, tieIn, tieOut, other);
            assertThat(ports.series().implausible(org, none, SortOrder.DESC, null, 10)).containsExactly(other, tieOut, tieIn, tieC, first);
            assertThat(ports.series().implausible(org, none, SortOrder.DESC, null, 2)).containsExactly(other, tieOut);
            assertThat(ports.series().implausible(org, none, SortOrder.DESC,
                    new ReadingQueuePosition(tieIn.timestamp(), tieIn.counterId(), tieIn.direction()), 10)).containsExactly(tieC, first);
            assertThat(ports.series().implausible(org, none, SortOrder.ASC,
                    new ReadingQueuePosition(tieIn.timestamp(), tieIn.counterId(), tieIn.direction()), 10)).containsExactly(tieOut, other);
            assertThat(ports.series().implausible(org, new ImplausibleQueueFilter(m, c, null, null, null), SortOrder.ASC, null, 10))
                    .containsExactly(first, tieC);
            assertThat(ports.series().implausible(org, new ImplausibleQueueFilter(null, null, ReadingSource.ECP, null, null),
                    SortOrder.ASC, null, 10)).containsExactly(other);
            assertThat(ports.series().implausible(org, new ImplausibleQueueFilter(null, null, null, hours(2), hours(3)),
                    SortOrder.ASC, null, 10)).containsExactly(tieC, tieIn, tieOut);
            assertThat(ports.series().countImplausible(org, none, 1000)).isEqualTo(5);
            assertThat(ports.series().countImplausible(org, none, 4)).isEqualTo(4);
            assertThat(ports.series().countImplausible(org, new ImplausibleQueueFilter(n, null, null, null, null), 1000)).isEqualTo(1);
            assertThat(ports.series().countImplausible(otherOrg, none, 1000)).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------------------ transactions

    @Nested
    class TransactionBoundary {
        @Test
        void commitsWhenTheWorkReturns() {
            Meter m = meter(org, MeterId.random(), T0);

            String result = ports.transactions().inTransaction(() -> {
                ports.meters().insert(m);
                return "done";
            });

            assertThat(result).isEqualTo("done");
            assertThat(ports.meters().findById(org, m.id())).contains(m);
        }

        @Test
        void rollsBackEverythingWhenTheWorkThrows() {
            Meter m = meter(org, MeterId.random(), T0);
            CounterId c = CounterId.random();
            IllegalStateException failure = new IllegalStateException("boom");

            assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                ports.meters().insert(m);
                ports.readings().insert(org, List.of(reading(m.id(), c, Direction.FEED_OUT, hours(1), "1")));
                ports.transactions().inTransaction(() -> {
                    ports.changesets().insert(changeset(org, m.id(), c, T0, ChangesetId.random()));
                    return null;
                });
                throw failure;
            })).isSameAs(failure);

            assertThat(ports.meters().findById(org, m.id())).isEmpty();
            assertThat(all(org, c)).isEmpty();
            assertThat(ports.changesets().findByCounters(org, List.of(c))).isEmpty();
        }

        @Test
        void nestedWorkJoinsAndSeesTheOuterWrites() {
            Meter m = meter(org, MeterId.random(), T0);

            Optional<Meter> seen = ports.transactions().inTransaction(() -> {
                ports.meters().insert(m);
                return ports.transactions().readOnly(() -> ports.meters().findById(org, m.id()));
            });

            assertThat(seen).contains(m);
        }

        @Test
        void readOnlyWorkReadsAndMayNotWrite() {
            Meter m = storedMeter(org);
            Meter other = meter(org, MeterId.random(), T0);

            assertThat(ports.transactions().readOnly(() -> ports.meters().findById(org, m.id()))).contains(m);
            assertThatThrownBy(() -> ports.transactions().readOnly(() -> {
                ports.meters().insert(other);
                return null;
            })).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> ports.transactions().readOnly(() -> ports.transactions().inTransaction(() -> {
                ports.meters().insert(other);
                return null;
            }))).isInstanceOf(IllegalStateException.class);

            assertThat(ports.meters().findById(org, other.id())).isEmpty();
        }
    }
}
