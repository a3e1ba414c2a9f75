package io.metering.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.model.PageRequest;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.MeterSearch;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.governance.TimestampTolerance;
import io.metering.domain.meter.ContractPeriod;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.meter.MeterType;
import io.metering.domain.meter.Sector;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The executable contract of {@link MeterRepository} (its Javadoc), run against every implementation: the
 * in-memory store and the database adapter must both pass it unchanged.
 */
public abstract class MeterRepositoryContractTest extends PortContract {
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
}
