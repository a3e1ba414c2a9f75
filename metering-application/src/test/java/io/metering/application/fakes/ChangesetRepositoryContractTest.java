package io.metering.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.model.ChangesetQueueFilter;
import io.metering.application.model.ChangesetQueuePosition;
import io.metering.application.port.out.ChangesetRepository;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.changeset.ChangesetCreator;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.changeset.ProposedReading;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.governance.TimestampTolerance;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The executable contract of {@link ChangesetRepository} (its Javadoc), run against every implementation: the
 * in-memory store and the database adapter must both pass it unchanged.
 *
 * <p>Including the pending-changesets review queue.
 */
public abstract class ChangesetRepositoryContractTest extends PortContract {
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

    @Nested
    class ReviewQueue {
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
    }
}
