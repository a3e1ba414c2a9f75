package io.metering.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.LockedMeters;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The executable contract of {@link CounterRepository} (its Javadoc), run against every implementation: the
 * in-memory store and the database adapter must both pass it unchanged.
 */
public abstract class CounterRepositoryContractTest extends PortContract {
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
        void lockingWithMetersReturnsTheMetersAndTheCountersLockByMetersDoes() {
            Meter m1 = storedMeter(org);
            Meter m2 = storedMeter(org);
            Meter bare = storedMeter(org);
            storedCounter(org, m1.id());
            storedCounter(org, m2.id());
            storedCounter(org, m1.id());
            List<MeterId> asked = List.of(m1.id(), m2.id(), bare.id(), m1.id(), MeterId.random());
            List<Counter> expected = ports.counters().findByMeters(org, List.of(m1.id(), m2.id()));

            LockedMeters locked = ports.transactions().inTransaction(() -> ports.counters().lockWithMeters(org, asked));
            LockedMeters foreign = ports.transactions().inTransaction(() -> ports.counters().lockWithMeters(otherOrg, asked));
            LockedMeters none = ports.transactions().inTransaction(() -> ports.counters().lockWithMeters(org, List.of()));

            assertThat(locked.meters()).containsExactlyInAnyOrderElementsOf(ports.meters().findByIds(org, asked));
            assertThat(locked.meters()).extracting(Meter::id).containsExactlyInAnyOrder(m1.id(), m2.id(), bare.id());
            assertThat(locked.counters()).hasSize(3).containsExactlyElementsOf(expected);
            assertThat(foreign.meters()).isEmpty();
            assertThat(foreign.counters()).isEmpty();
            assertThat(none.meters()).isEmpty();
            assertThatThrownBy(() -> ports.counters().lockWithMeters(org, List.of(m1.id()))).isInstanceOf(IllegalStateException.class);
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
}
