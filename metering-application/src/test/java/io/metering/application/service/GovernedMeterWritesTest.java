package io.metering.application.service;

import static io.metering.application.service.ServiceWorld.portal;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.relation;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.access.Caller;
import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.domain.changeset.Changeset;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.FuzzyConfig;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.ReadingGovernance;
import io.metering.domain.governance.TimestampTolerance;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.ReadingSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A meter with {@code reading_governance}: non-direct writes become pending changesets; a direct or
 * ERP write that matches one clears it (docs/domain.md#changesets).
 */
class GovernedMeterWritesTest {
    private final ServiceWorld world = new ServiceWorld();
    private final Caller anna = portal("contact-anna");
    private final WriteOptions direct = new WriteOptions(false, true);

    private Meter governedMeter(EditMode mode) {
        return governedMeter(new ReadingGovernance(mode, null, null, null));
    }

    private Meter governedMeter(ReadingGovernance governance) {
        return world.createMeter(MeterChanges.builder().sector(set(Sector.POWER)).customers(relation("contact", "contact-anna"))
                .governance(set(governance)));
    }

    private List<Changeset> pending(Meter meter, Counter counter) {
        return world.store.findByCounter(ServiceWorld.ORG, meter.id(), counter.id());
    }

    @Test
    void aPortalWriteBecomesAPendingChangesetAndLeavesTheSeriesAlone() {
        Meter meter = governedMeter(EditMode.APPROVAL);
        Counter counter = world.consumptionCounter(meter);

        RecordResult result = world.record(anna, WriteOptions.DEFAULT,
                reading(meter, counter, "2024-06-01T08:00:00Z", "1250.5").source(ReadingSource.ECP));

        assertThat(result.written()).isEmpty();
        assertThat(world.stored(counter)).isEmpty();
        Changeset cs = result.pending().get(0);
        assertThat(pending(meter, counter)).containsExactly(cs);
        assertThat(cs.proposed().value()).isEqualByComparingTo("1250.5");
        assertThat(cs.proposed().timestamp()).isEqualTo(Instant.parse("2024-06-01T08:00:00Z"));
        assertThat(cs.previous()).isNull();
        assertThat(cs.governance().editMode()).isEqualTo(EditMode.APPROVAL);
        assertThat(cs.createdBy().type()).isEqualTo("portal_user");
        assertThat(cs.createdBy().id()).isEqualTo("portal-contact-anna");
        assertThat(cs.source()).isEqualTo(ReadingSource.ECP);
        assertThat(cs.createdAt()).isEqualTo(ServiceWorld.NOW);
    }

    @Test
    void anAdminWriteWithoutDirectBecomesAChangesetToo() {
        Meter meter = governedMeter(EditMode.EXTERNAL);
        Counter counter = world.consumptionCounter(meter);
        RecordResult result = world.record(reading(meter, counter, "2024-06-01T08:00:00Z", "10"));
        assertThat(result.written()).isEmpty();
        assertThat(result.pending()).singleElement().satisfies(cs -> assertThat(cs.createdBy().type()).isEqualTo("user"));
    }

    @Test
    void aProposalAtAStoredReadingsInstantKeepsASnapshotOfIt() {
        Meter meter = governedMeter(EditMode.APPROVAL);
        Counter counter = world.consumptionCounter(meter);
        world.record(world.admin, direct, reading(meter, counter, "2024-06-01T08:00:00Z", "100"));

        RecordResult result = world.record(anna, WriteOptions.DEFAULT, reading(meter, counter, "2024-06-01T08:00:00Z", "101"));

        assertThat(result.pending().get(0).previous().value()).isEqualByComparingTo("100");
        assertThat(world.stored(counter)).extracting(r -> r.value().toPlainString()).containsExactly("100");
    }

    @Test
    void proposalsAreValidatedLikeWrites() {
        Meter meter = governedMeter(EditMode.APPROVAL);
        Counter counter = world.consumptionCounter(meter);
        world.record(world.admin, direct, reading(meter, counter, "2024-05-01T00:00:00Z", "100"));

        assertThatThrownBy(() -> world.record(anna, WriteOptions.DEFAULT, reading(meter, counter, "2024-06-01T00:00:00Z", "90")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.LESS_THAN_PREVIOUS));
        assertThat(pending(meter, counter)).isEmpty();
    }

    @Test
    void aMatchingDirectWriteIsStoredAndClearsTheChangeset() {
        Meter meter = governedMeter(EditMode.EXTERNAL);
        Counter counter = world.consumptionCounter(meter);
        world.record(anna, WriteOptions.DEFAULT, reading(meter, counter, "2024-06-01T08:00:00Z", "1250.5"));

        RecordResult confirmation = world.record(world.admin, direct, reading(meter, counter, "2024-06-01T08:00:00Z", "1250.50"));

        assertThat(confirmation.written()).hasSize(1);
        assertThat(world.stored(counter)).hasSize(1);
        assertThat(pending(meter, counter)).isEmpty();
    }

    @Test
    void aMatchingErpWriteClearsTheChangesetWithoutTheDirectFlag() {
        Meter meter = governedMeter(EditMode.EXTERNAL);
        Counter counter = world.consumptionCounter(meter);
        world.record(anna, WriteOptions.DEFAULT, reading(meter, counter, "2024-06-01T08:00:00Z", "1250.5"));

        world.record(reading(meter, counter, "2024-06-01T08:00:00Z", "1250.5").source(ReadingSource.ERP));

        assertThat(world.stored(counter)).hasSize(1);
        assertThat(pending(meter, counter)).isEmpty();
    }

    @Test
    void aDirectWriteOfAnotherValueKeepsTheChangesetUnderExactMatching() {
        Meter meter = governedMeter(EditMode.EXTERNAL);
        Counter counter = world.consumptionCounter(meter);
        world.record(anna, WriteOptions.DEFAULT, reading(meter, counter, "2024-06-01T08:00:00Z", "1250.5"));

        world.record(world.admin, direct, reading(meter, counter, "2024-06-01T08:00:00Z", "1251"));

        assertThat(pending(meter, counter)).hasSize(1);
    }

    @Test
    void fuzzyGovernanceClearsAChangesetWithinTheAbsoluteThreshold() {
        Meter meter = governedMeter(new ReadingGovernance(EditMode.EXTERNAL, MatchStrategy.FUZZY,
                new FuzzyConfig(null, new BigDecimal("5")), null));
        Counter counter = world.consumptionCounter(meter);
        world.record(anna, WriteOptions.DEFAULT, reading(meter, counter, "2024-06-01T08:00:00Z", "1000"));
        world.record(anna, WriteOptions.DEFAULT, reading(meter, counter, "2024-06-02T08:00:00Z", "1100"));

        world.record(world.admin, direct,
                reading(meter, counter, "2024-06-01T08:00:00Z", "1003"),
                reading(meter, counter, "2024-06-02T08:00:00Z", "1106"));

        assertThat(pending(meter, counter)).extracting(cs -> cs.proposed().value().toPlainString()).containsExactly("1100");
    }

    @Test
    void anErpDateOnlyEchoClearsAChangesetOfTheSameBerlinDay() {
        Meter meter = governedMeter(new ReadingGovernance(EditMode.EXTERNAL, null, null,
                new TimestampTolerance.SameDay(ZoneId.of("Europe/Berlin"))));
        Counter counter = world.consumptionCounter(meter);
        // read at 00:30 Berlin on June 1st = 22:30 UTC on May 31st; the ERP echoes 2024-06-01 (00:00 UTC)
        world.record(anna, WriteOptions.DEFAULT, reading(meter, counter, "2024-05-31T22:30:00Z", "700"));

        world.record(reading(meter, counter, "2024-06-01T00:00:00Z", "700").source(ReadingSource.ERP));

        assertThat(pending(meter, counter)).isEmpty();
    }

    @Test
    void aDirectWriteOnlyClearsChangesetsOfItsOwnCounter() {
        Meter meter = governedMeter(EditMode.EXTERNAL);
        Counter feedOut = world.consumptionCounter(meter);
        Counter feedIn = world.createCounter(meter, "1-0:2.8.0");
        world.record(anna, WriteOptions.DEFAULT, reading(meter, feedOut, "2024-06-01T08:00:00Z", "700"));

        world.record(world.admin, direct, reading(meter, feedIn, "2024-06-01T08:00:00Z", "700"));

        assertThat(pending(meter, feedOut)).hasSize(1);
    }

    @Test
    void aMeterWithoutGovernanceStoresNonDirectWritesAtOnce() {
        Meter meter = world.powerMeterOf("contact-anna");
        Counter counter = world.consumptionCounter(meter);
        RecordResult result = world.record(anna, WriteOptions.DEFAULT, reading(meter, counter, "2024-06-01T08:00:00Z", "10"));
        assertThat(result.written()).hasSize(1);
        assertThat(result.pending()).isEmpty();
    }

    @Test
    void oneBatchOverAGovernedAndAnUngovernedMeterStoresOneAndProposesTheOther() {
        Meter governed = governedMeter(EditMode.APPROVAL);
        Counter governedCounter = world.consumptionCounter(governed);
        Meter plain = world.powerMeterOf("contact-anna");
        Counter plainCounter = world.consumptionCounter(plain);

        RecordResult result = world.record(anna, WriteOptions.DEFAULT,
                reading(governed, governedCounter, "2024-06-01T08:00:00Z", "10"),
                reading(plain, plainCounter, "2024-06-01T08:00:00Z", "20"));

        assertThat(result.written()).extracting(r -> r.counterId()).containsExactly(plainCounter.id());
        assertThat(result.pending()).extracting(Changeset::counterId).containsExactly(governedCounter.id());
    }
}
