package io.metering.application.service.meter;

import io.metering.application.service.TestServices;

import io.metering.application.service.ServiceWorld;
import io.metering.application.service.write.WriteListener;
import static io.metering.application.service.ServiceWorld.attrs;
import static io.metering.application.service.ServiceWorld.portal;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.relation;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.access.Caller;
import io.metering.application.model.FieldChange;
import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.port.in.meter.MeterFilter;
import io.metering.application.port.in.meter.MeterView;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.TimestampTolerance;
import io.metering.application.port.in.meter.ContractPeriodInput;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.application.port.in.meter.MeterField;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.ConflictException;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.ContractPeriod;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.meter.MeterType;
import io.metering.domain.meter.Sector;
import io.metering.domain.time.TimeInput;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Meter administration with typed changes, and the portal's limited updateMeter. */
class MeterAdministrationServiceTest {
    private final ServiceWorld world = new ServiceWorld();

    private Meter fullMeter() {
        return world.createMeter(MeterChanges.builder()
                .title(set("Hausanschluss Nord"))
                .tags(set(List.of("residential")))
                .maLoId(set("50277655432"))
                .meterNumber(set("1ESY1160123456"))
                .sector(set(Sector.POWER))
                .meterType(set(MeterType.THREE_PHASE_METER))
                .tariffType(set("Doppeltarif"))
                .customers(relation("contact", "contact-anna"))
                .contracts(relation("contract", "contract-42", "contract-43"))
                .extra("installation_site", attrs("floor", "basement", "cabinet", new BigDecimal("2"))));
    }

    @Test
    void createSetsTheTypedFields() {
        Meter m = fullMeter();
        assertThat(m.title()).isEqualTo("Hausanschluss Nord");
        assertThat(m.tags()).containsExactly("residential");
        assertThat(m.maLoId()).isEqualTo("50277655432");
        assertThat(m.meterNumber()).isEqualTo("1ESY1160123456");
        assertThat(m.sector()).isEqualTo(Sector.POWER);
        assertThat(m.meterType()).isEqualTo(MeterType.THREE_PHASE_METER);
        assertThat(m.tariffType()).isEqualTo("Doppeltarif");
        assertThat(m.customers()).containsExactly(new EntityRelation("contact-anna", "contact"));
        assertThat(m.contracts()).extracting(EntityRelation::entityId).containsExactly("contract-42", "contract-43");
        assertThat(m.status()).isEqualTo(MeterStatus.ACTIVE);
        assertThat(m.org()).isEqualTo(ServiceWorld.ORG);
        assertThat(world.meters.list(world.admin, MeterFilter.NONE, new PageRequest(0, 10)).items())
                .extracting(MeterView::meter).containsExactly(m);
    }

    @Test
    void extraAttributesAreKeptAsSentAndTheCreationTimeIsTheClocks() {
        Meter m = fullMeter();
        assertThat(m.attributes()).containsOnlyKeys("installation_site");
        assertThat(m.attributes().get("installation_site")).isEqualTo(Map.of("floor", "basement", "cabinet", new BigDecimal("2")));
        assertThat(m.createdAt()).isEqualTo(ServiceWorld.NOW);
    }

    @Test
    void aGivenIdIsUsedAndCannotBeUsedTwice() {
        MeterId id = new MeterId(UUID.fromString("3fa85f64-5717-4562-b3fc-2c963f66afa6"));
        Meter m = world.meters.create(world.admin, id, MeterChanges.NONE);
        assertThat(m.id()).isEqualTo(id);
        assertThatThrownBy(() -> world.meters.create(world.admin, id, MeterChanges.NONE)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anAttributeTheRulesReadIsNoExtraAttribute() {
        assertThatThrownBy(() -> MeterChanges.builder().extra("installation_date", "junk").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("installation_date");
        assertThatThrownBy(() -> MeterChanges.builder().extra("reading_echo", "sometimes").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLifecycleDateThatIsNoDateIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> world.createMeter(MeterChanges.builder().installationDate(set("spring 2024"))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_TIMESTAMP))
                .hasMessageContaining("installation_date");
        assertThat(world.meters.list(world.admin, MeterFilter.NONE, new PageRequest(0, 10)).items()).isEmpty();
    }

    @Test
    void contractPeriodsAreReadAsWholeDaysInBerlin() {
        Meter m = world.createMeter(MeterChanges.builder().contractPeriods(set(List.of(
                new ContractPeriodInput(new TimeInput.DateOnly(LocalDate.parse("2024-01-01")),
                        new TimeInput.DateOnly(LocalDate.parse("2024-06-30"))),
                new ContractPeriodInput(new TimeInput.Exact(Instant.parse("2024-09-01T00:00:00Z")), null)))));
        assertThat(m.contractPeriods()).containsExactly(
                new ContractPeriod(Instant.parse("2023-12-31T23:00:00Z"), Instant.parse("2024-06-30T22:00:00Z")),
                new ContractPeriod(Instant.parse("2024-09-01T00:00:00Z"), null));
    }

    @Test
    void readingGovernanceIsSetAndCleared() {
        Meter exact = world.createMeter(MeterChanges.builder().governance(ServiceWorld.governed(EditMode.EXTERNAL)));
        assertThat(exact.governance().editMode()).isEqualTo(EditMode.EXTERNAL);
        assertThat(exact.governance().matchStrategy()).isEqualTo(MatchStrategy.EXACT);
        assertThat(exact.governance().timestampTolerance()).isEqualTo(new TimestampTolerance.Exact());

        Meter direct = world.updateMeter(exact, MeterChanges.builder().governance(FieldChange.clear()));
        assertThat(direct.isGoverned()).isFalse();
    }

    @Test
    void updateChangesOnlyTheNamedAttributes() {
        Meter m = fullMeter();
        world.clock.advance(Duration.ofHours(1));
        Meter updated = world.updateMeter(m, MeterChanges.builder().title(set("Hausanschluss Süd")).extra("note", "key at the desk"));

        assertThat(updated.title()).isEqualTo("Hausanschluss Süd");
        assertThat(updated.maLoId()).isEqualTo("50277655432");
        assertThat(updated.customers()).isEqualTo(m.customers());
        assertThat(updated.attributes()).containsOnlyKeys("installation_site", "note");
        assertThat(updated.createdAt()).isEqualTo(m.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(ServiceWorld.NOW.plus(Duration.ofHours(1)));
        assertThat(world.store.findById(ServiceWorld.ORG, m.id())).contains(updated);
    }

    @Test
    void aChangeThatChangesNothingWritesNothingAndTellsNoOne() {
        List<Meter> told = new ArrayList<>();
        MeterAdministrationService service = TestServices.meterAdministration(world.ctx, new WriteListener() {
                    @Override
                    public void meterUpdated(Caller caller, Meter meter) {
                        told.add(meter);
                    }
                });
        Meter m = fullMeter();
        world.clock.advance(Duration.ofHours(1));

        Meter same = service.update(world.admin, m.id(), MeterChanges.builder().maLoId(set(m.maLoId()))
                .extra("installation_site", m.attributes().get("installation_site")).naming(MeterField.ID).build());

        assertThat(same).isEqualTo(m);
        assertThat(world.store.findById(ServiceWorld.ORG, m.id())).contains(m);
        assertThat(told).isEmpty();

        Meter changed = service.update(world.admin, m.id(), MeterChanges.builder().maLoId(set("50277655433")).build());
        assertThat(changed.updatedAt()).isAfter(m.updatedAt());
        assertThat(told).containsExactly(changed);
    }

    @Test
    void clearingRemovesAFieldOrAnExtraAttribute() {
        Meter m = fullMeter();
        Meter updated = world.updateMeter(m, MeterChanges.builder().extra("installation_site", null).meterNumber(FieldChange.clear())
                .contracts(FieldChange.clear()));
        assertThat(updated.attributes()).doesNotContainKey("installation_site");
        assertThat(updated.meterNumber()).isNull();
        assertThat(updated.contracts()).isEmpty();
        assertThat(updated.maLoId()).isEqualTo("50277655432");
    }

    @Test
    void aPortalUserMayChangeUnprotectedAttributesOfTheirMeter() {
        Meter m = fullMeter();
        Meter updated = world.meters.update(portal("contact-anna"), m.id(),
                MeterChanges.builder().title(set("Mein Zähler")).extra("note", "dog in the yard").build());
        assertThat(updated.title()).isEqualTo("Mein Zähler");
        assertThat(updated.attributes()).containsEntry("note", "dog in the yard");
    }

    @Test
    void aPortalUserMayNotChangeProtectedAttributesAndNothingChanges() {
        Meter m = fullMeter();
        Caller anna = portal("contact-anna");
        for (MeterField field : MeterField.values()) {
            MeterChanges changes = MeterChanges.builder().title(set("changed")).naming(field).build();
            if (field.portalMayChange()) {
                continue;
            }
            assertThatThrownBy(() -> world.meters.update(anna, m.id(), changes))
                    .as(field.label()).isInstanceOf(ForbiddenException.class).hasMessage("portal users may not change " + field.label());
        }
        assertThatThrownBy(() -> world.meters.update(anna, m.id(), MeterChanges.builder().status(FieldChange.clear())
                .customers(FieldChange.clear()).build()))
                .isInstanceOf(ForbiddenException.class).hasMessage("portal users may not change customer, status");
        assertThat(MeterField.values()).filteredOn(MeterField::portalMayChange).extracting(MeterField::label)
                .containsExactlyInAnyOrder("_title", "_tags", "tariff_type", "used_for", "manufacturer", "calibration_date");
        assertThat(world.store.findById(ServiceWorld.ORG, m.id())).contains(m);
    }

    @Test
    void aPortalUserReachesAMeterThroughOneOfTheirContracts() {
        Meter m = fullMeter();
        assertThat(world.meters.update(portal("contact-carl", "contract-43"), m.id(), note("x")).attributes())
                .containsEntry("note", "x");
    }

    @Test
    void anotherCustomersMeterReadsAsNotFound() {
        Meter m = fullMeter();
        assertThatThrownBy(() -> world.meters.update(portal("contact-ben"), m.id(), note("x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.meters.update(world.otherOrgAdmin, m.id(), note("x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.meters.update(world.admin, MeterId.random(), note("x")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void creatingListingAndDeletingAreForAdminsOnly() {
        Meter m = fullMeter();
        Caller anna = portal("contact-anna");
        assertThatThrownBy(() -> world.meters.create(anna, null, MeterChanges.NONE)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> world.meters.list(anna, MeterFilter.NONE, new PageRequest(0, 10))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> world.meters.delete(anna, m.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void theListFiltersByCustomerContractMaloAndNumberAndCountsTheTotal() {
        Meter anna = fullMeter();
        Meter ben = world.createMeter(MeterChanges.builder().customers(relation("contact", "contact-ben"))
                .contracts(relation("contract", "contract-42")).maLoId(set("10000000001")));
        world.meters.create(world.otherOrgAdmin, null, MeterChanges.builder().customers(relation("contact", "contact-anna")).build());

        assertThat(ids(world.meters.list(world.admin, new MeterFilter("contact-anna", null, null, null), new PageRequest(0, 10))))
                .containsExactly(anna.id());
        assertThat(ids(world.meters.list(world.admin, new MeterFilter(null, "contract-42", null, null), new PageRequest(0, 10))))
                .containsExactlyInAnyOrder(anna.id(), ben.id());
        assertThat(ids(world.meters.list(world.admin, new MeterFilter(null, null, "10000000001", null), new PageRequest(0, 10))))
                .containsExactly(ben.id());
        assertThat(ids(world.meters.list(world.admin, new MeterFilter(null, null, null, "1ESY1160123456"), new PageRequest(0, 10))))
                .containsExactly(anna.id());
        Page<MeterView> window = world.meters.list(world.admin, MeterFilter.NONE, new PageRequest(1, 1));
        assertThat(window.items()).hasSize(1);
        assertThat(window.total()).isEqualTo(2);
    }

    private static MeterChanges note(String note) {
        return MeterChanges.builder().extra("note", note).build();
    }

    private static List<MeterId> ids(Page<MeterView> page) {
        return page.items().stream().map(v -> v.meter().id()).toList();
    }

    @Test
    void deletingAMeterDeletesItsCountersAndReadings() {
        Meter m = world.powerMeterOf("contact-anna");
        Counter c = world.consumptionCounter(m);
        world.record(reading(m, c, "2024-06-01T00:00:00Z", "10"));

        world.meters.delete(world.admin, m.id());

        assertThat(world.store.findById(ServiceWorld.ORG, m.id())).isEmpty();
        assertThat(world.store.findById(ServiceWorld.ORG, c.id())).isEmpty();
        assertThat(world.stored(c)).isEmpty();
        assertThatThrownBy(() -> world.meters.delete(world.admin, m.id())).isInstanceOf(NotFoundException.class);
    }
}
