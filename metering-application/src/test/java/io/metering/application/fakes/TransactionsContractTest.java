package io.metering.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.port.out.Transactions;
import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The executable contract of {@link Transactions} (its Javadoc), run against every implementation: the
 * in-memory store and the database adapter must both pass it unchanged.
 *
 * <p>The boundary the repositories join: commit, roll back all, nesting, read-only.
 */
public abstract class TransactionsContractTest extends PortContract {
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
