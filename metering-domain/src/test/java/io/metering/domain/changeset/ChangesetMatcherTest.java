package io.metering.domain.changeset;

import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.governance.TimestampTolerance;
import static io.metering.domain.fixtures.Fixtures.ORG;
import static io.metering.domain.fixtures.Fixtures.bareCounter;
import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.fixtures.ReadingSpec;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Whether a direct (ERP) write confirms a pending changeset, which then clears. */
class ChangesetMatcherTest {
    private static final Instant PROPOSED_AT = Instant.parse("2024-05-01T08:00:00Z");

    private final Meter meter = powerMeter().build();
    private final Counter counter = bareCounter(meter).obisNumber("1-0:1.8.0").build();
    private final Counter otherCounter = bareCounter(meter).obisNumber("1-0:2.8.0").build();

    private Changeset pending(String value, Direction direction, ReadingGovernance governance) {
        ProposedReading proposal = new ProposedReading(new BigDecimal(value), direction, PROPOSED_AT, null, null, null, null, null);
        return new Changeset(ChangesetId.random(), ORG, meter.id(), counter.id(), proposal, null, governance, PROPOSED_AT,
                new ChangesetCreator("portal_user", "u-1"), ReadingSource.ECP);
    }

    private static ReadingGovernance exact() {
        return new ReadingGovernance(EditMode.EXTERNAL, null, null, null);
    }

    private Reading erp(Counter c, Direction direction, Instant t, String value) {
        return ReadingSpec.of(meter, c).direction(direction).at(t).value(value).reading();
    }

    @Test
    void governanceDefaultsToExactValuesAndExactTimestamps() {
        ReadingGovernance g = exact();
        assertThat(g.matchStrategy()).isEqualTo(MatchStrategy.EXACT);
        assertThat(g.timestampTolerance()).isEqualTo(new TimestampTolerance.Exact());
    }

    @Test
    void anEqualValueAtTheSameInstantConfirms() {
        assertThat(ChangesetMatcher.confirms(pending("1250.5", Direction.FEED_OUT, exact()),
                erp(counter, Direction.FEED_OUT, PROPOSED_AT, "1250.50"))).isTrue();
    }

    @Test
    void exactMatchingRefusesAnyDifferenceInValue() {
        assertThat(ChangesetMatcher.confirms(pending("1250.5", Direction.FEED_OUT, exact()),
                erp(counter, Direction.FEED_OUT, PROPOSED_AT, "1250.501"))).isFalse();
    }

    @Test
    void exactTimestampsRefuseAMillisecondOfDrift() {
        assertThat(ChangesetMatcher.confirms(pending("1250.5", Direction.FEED_OUT, exact()),
                erp(counter, Direction.FEED_OUT, PROPOSED_AT.plusMillis(1), "1250.5"))).isFalse();
    }

    @Test
    void anotherCounterNeverConfirms() {
        assertThat(ChangesetMatcher.confirms(pending("1250.5", null, exact()),
                erp(otherCounter, Direction.FEED_OUT, PROPOSED_AT, "1250.5"))).isFalse();
    }

    @Test
    void anotherDirectionDoesNotConfirmAProposalThatNamesOne() {
        assertThat(ChangesetMatcher.confirms(pending("1250.5", Direction.FEED_OUT, exact()),
                erp(counter, Direction.FEED_IN, PROPOSED_AT, "1250.5"))).isFalse();
    }

    @Test
    void aProposalWithoutDirectionIsConfirmedByEitherDirection() {
        assertThat(ChangesetMatcher.confirms(pending("1250.5", null, exact()),
                erp(counter, Direction.FEED_IN, PROPOSED_AT, "1250.5"))).isTrue();
    }

    @Test
    void fuzzyMatchingWithoutConfigUsesOnePercent() {
        ReadingGovernance fuzzy = new ReadingGovernance(EditMode.EXTERNAL, MatchStrategy.FUZZY, null, null);
        assertThat(ChangesetMatcher.confirms(pending("1000", null, fuzzy), erp(counter, Direction.FEED_OUT, PROPOSED_AT, "1010")))
                .isTrue();
        assertThat(ChangesetMatcher.confirms(pending("1000", null, fuzzy), erp(counter, Direction.FEED_OUT, PROPOSED_AT, "1010.1")))
                .isFalse();
    }

    @Test
    void fuzzyMatchingUsesTheConfiguredThresholds() {
        ReadingGovernance fuzzy = new ReadingGovernance(EditMode.APPROVAL, MatchStrategy.FUZZY,
                new FuzzyConfig(null, new BigDecimal("5")), null);
        assertThat(ChangesetMatcher.confirms(pending("1000", null, fuzzy), erp(counter, Direction.FEED_OUT, PROPOSED_AT, "995")))
                .isTrue();
        assertThat(ChangesetMatcher.confirms(pending("1000", null, fuzzy), erp(counter, Direction.FEED_OUT, PROPOSED_AT, "994.9")))
                .isFalse();
    }

    @Test
    void anErpEchoOfTheDateOnlyIsConfirmedWithSameDayToleranceInTheReadersZone() {
        ReadingGovernance sameDayBerlin = new ReadingGovernance(EditMode.EXTERNAL, MatchStrategy.EXACT, null,
                new TimestampTolerance.SameDay(ZoneId.of("Europe/Berlin")));
        // read at 00:30 Berlin on May 2nd (22:30 UTC on May 1st); the ERP echoes 2024-05-02 (00:00 UTC)
        ProposedReading proposal = new ProposedReading(new BigDecimal("700"), null, Instant.parse("2024-05-01T22:30:00Z"), null,
                null, null, null, null);
        Changeset cs = new Changeset(ChangesetId.random(), ORG, meter.id(), counter.id(), proposal, null, sameDayBerlin,
                PROPOSED_AT, new ChangesetCreator("portal_user", "u-1"), ReadingSource.ECP);
        assertThat(ChangesetMatcher.confirms(cs, erp(counter, Direction.FEED_OUT, Instant.parse("2024-05-02T00:00:00Z"), "700")))
                .isTrue();
        ReadingGovernance sameDayUtc = new ReadingGovernance(EditMode.EXTERNAL, MatchStrategy.EXACT, null,
                TimestampTolerance.SameDay.utc());
        assertThat(ChangesetMatcher.confirms(new Changeset(cs.id(), ORG, meter.id(), counter.id(), proposal, null, sameDayUtc,
                PROPOSED_AT, cs.createdBy(), cs.source()), erp(counter, Direction.FEED_OUT, Instant.parse("2024-05-02T00:00:00Z"), "700")))
                .isFalse();
    }

    @Test
    void withinSecondsToleratesDriftUpToTheBound() {
        ReadingGovernance minute = new ReadingGovernance(EditMode.EXTERNAL, MatchStrategy.EXACT, null,
                new TimestampTolerance.WithinSeconds(60));
        assertThat(ChangesetMatcher.confirms(pending("700", null, minute),
                erp(counter, Direction.FEED_OUT, PROPOSED_AT.plusSeconds(60), "700"))).isTrue();
        assertThat(ChangesetMatcher.confirms(pending("700", null, minute),
                erp(counter, Direction.FEED_OUT, PROPOSED_AT.plusSeconds(61), "700"))).isFalse();
    }
}
