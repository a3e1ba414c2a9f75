package io.metering.application.service.meter;

import io.metering.application.service.ServiceWorld;
import static io.metering.application.service.ServiceWorld.attrs;
import static io.metering.application.service.ServiceWorld.portal;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.relation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.access.Caller;
import io.metering.application.model.Page;
import io.metering.application.model.PageRequest;
import io.metering.application.port.in.meter.MeterFilter;
import io.metering.application.port.in.meter.MeterView;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.TimestampTolerance;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Meter administration by contract attribute names, and the portal's limited updateMeter. */
class MeterAdministrationServiceTest {
    private final ServiceWorld world = new ServiceWorld();

    private Meter fullMeter() {
        return world.meters.create(world.admin, attrs(
                "_title", "Hausanschluss Nord",
                "_tags", List.of("residential"),
                "ma_lo_id", "50277655432",
                "meter_number", "1ESY1160123456",
                "sector", "power",
                "meter_type", "three-phase-meter",
                "tariff_type", "Doppeltarif",
                "customer", relation("contact", "contact-anna"),
                "contract", relation("contract", "contract-42", "contract-43"),
                "installation_site", attrs("floor", "basement", "cabinet", new BigDecimal("2")),
                "_created_at", "1999-01-01T00:00:00Z"));
    }

    @Test
    void create_maps_contract_attribute_names_to_typed_fields() {
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
    void unknown_attributes_are_kept_as_sent_and_derived_ones_are_ignored() {
        Meter m = fullMeter();
        assertThat(m.attributes()).containsOnlyKeys("installation_site");
        assertThat(m.attributes().get("installation_site")).isEqualTo(Map.of("floor", "basement", "cabinet", new BigDecimal("2")));
        assertThat(m.createdAt()).isEqualTo(ServiceWorld.NOW);
    }

    @Test
    void a_given_id_is_used_and_cannot_be_used_twice() {
        String id = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
        Meter m = world.meters.create(world.admin, attrs("_id", id));
        assertThat(m.id().toString()).isEqualTo(id);
        assertThatThrownBy(() -> world.meters.create(world.admin, attrs("_id", id))).isInstanceOf(ConflictException.class);
    }

    @Test
    void an_id_that_is_no_uuid_is_invalid() {
        assertThatThrownBy(() -> world.meters.create(world.admin, attrs("_id", "meter-1")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER));
    }

    @Test
    void an_unknown_enum_value_is_invalid_naming_the_attribute() {
        assertThatThrownBy(() -> world.meters.create(world.admin, attrs("sector", "electricity")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("sector")
                .hasMessageContaining("electricity");
        assertThatThrownBy(() -> world.meters.create(world.admin, attrs("status", "broken")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("status");
    }

    @Test
    void contract_periods_are_read_as_whole_days_in_berlin() {
        Meter m = world.meters.create(world.admin, attrs("contract_periods", List.of(
                attrs("start_date", "2024-01-01", "end_date", "2024-06-30"),
                attrs("start_date", "2024-09-01T00:00:00Z"))));
        assertThat(m.contractPeriods()).containsExactly(
                new ContractPeriod(Instant.parse("2023-12-31T23:00:00Z"), Instant.parse("2024-06-30T22:00:00Z")),
                new ContractPeriod(Instant.parse("2024-09-01T00:00:00Z"), null));
    }

    @Test
    void reading_governance_is_read_with_the_contracts_defaults_and_shapes() {
        Meter exact = world.meters.create(world.admin, attrs("reading_governance", attrs("edit_mode", "external")));
        assertThat(exact.governance().editMode()).isEqualTo(EditMode.EXTERNAL);
        assertThat(exact.governance().matchStrategy()).isEqualTo(MatchStrategy.EXACT);
        assertThat(exact.governance().timestampTolerance()).isEqualTo(new TimestampTolerance.Exact());

        Meter drift = world.meters.create(world.admin, attrs("reading_governance", attrs("edit_mode", "approval",
                "timestamp_tolerance", attrs("type", "within-seconds", "seconds", new BigDecimal("60")))));
        assertThat(drift.governance().timestampTolerance()).isEqualTo(new TimestampTolerance.WithinSeconds(60));

        assertThatThrownBy(() -> world.meters.create(world.admin, attrs("reading_governance", attrs("match_strategy", "exact"))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.MISSING_PARAMS));
    }

    @Test
    void update_changes_only_the_named_attributes() {
        Meter m = fullMeter();
        world.clock.advance(Duration.ofHours(1));
        Meter updated = world.meters.update(world.admin, m.id(), attrs("_title", "Hausanschluss Süd", "note", "key at the desk"));

        assertThat(updated.title()).isEqualTo("Hausanschluss Süd");
        assertThat(updated.maLoId()).isEqualTo("50277655432");
        assertThat(updated.customers()).isEqualTo(m.customers());
        assertThat(updated.attributes()).containsOnlyKeys("installation_site", "note");
        assertThat(updated.createdAt()).isEqualTo(m.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(ServiceWorld.NOW.plus(Duration.ofHours(1)));
        assertThat(world.store.findById(ServiceWorld.ORG, m.id())).contains(updated);
    }

    @Test
    void a_null_value_removes_an_attribute() {
        Meter m = fullMeter();
        Meter updated = world.meters.update(world.admin, m.id(), attrs("installation_site", null, "meter_number", null,
                "contract", null));
        assertThat(updated.attributes()).doesNotContainKey("installation_site");
        assertThat(updated.meterNumber()).isNull();
        assertThat(updated.contracts()).isEmpty();
        assertThat(updated.maLoId()).isEqualTo("50277655432");
    }

    @Test
    void an_empty_update_is_missing_params() {
        Meter m = fullMeter();
        assertThatThrownBy(() -> world.meters.update(world.admin, m.id(), Map.of()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.MISSING_PARAMS));
    }

    @Test
    void a_portal_user_may_change_unprotected_attributes_of_their_meter() {
        Meter m = fullMeter();
        Meter updated = world.meters.update(portal("contact-anna"), m.id(), attrs("_title", "Mein Zähler", "note", "dog in the yard"));
        assertThat(updated.title()).isEqualTo("Mein Zähler");
        assertThat(updated.attributes()).containsEntry("note", "dog in the yard");
    }

    @Test
    void a_portal_user_may_not_change_protected_attributes_and_nothing_changes() {
        Meter m = fullMeter();
        Caller anna = portal("contact-anna");
        for (String name : List.of("ma_lo_id", "meter_number", "status", "customer", "contract", "sector", "reading_governance",
                "contract_periods", "_id")) {
            assertThatThrownBy(() -> world.meters.update(anna, m.id(), attrs("_title", "changed", name, null)))
                    .as(name).isInstanceOf(ForbiddenException.class).hasMessageContaining(name);
        }
        assertThat(world.store.findById(ServiceWorld.ORG, m.id())).contains(m);
    }

    @Test
    void a_portal_user_reaches_a_meter_through_one_of_their_contracts() {
        Meter m = fullMeter();
        assertThat(world.meters.update(portal("contact-carl", "contract-43"), m.id(), attrs("note", "x")).attributes())
                .containsEntry("note", "x");
    }

    @Test
    void another_customers_meter_reads_as_not_found() {
        Meter m = fullMeter();
        assertThatThrownBy(() -> world.meters.update(portal("contact-ben"), m.id(), attrs("note", "x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.meters.update(world.otherOrgAdmin, m.id(), attrs("note", "x")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> world.meters.update(world.admin, MeterId.random(), attrs("note", "x")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void creating_listing_and_deleting_are_for_admins_only() {
        Meter m = fullMeter();
        Caller anna = portal("contact-anna");
        assertThatThrownBy(() -> world.meters.create(anna, attrs())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> world.meters.list(anna, MeterFilter.NONE, new PageRequest(0, 10))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> world.meters.delete(anna, m.id())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void the_list_filters_by_customer_contract_malo_and_number_and_counts_the_total() {
        Meter anna = fullMeter();
        Meter ben = world.meters.create(world.admin, attrs("customer", relation("contact", "contact-ben"),
                "contract", relation("contract", "contract-42"), "ma_lo_id", "10000000001"));
        world.meters.create(world.otherOrgAdmin, attrs("customer", relation("contact", "contact-anna")));

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

    private static List<MeterId> ids(Page<MeterView> page) {
        return page.items().stream().map(v -> v.meter().id()).toList();
    }

    @Test
    void deleting_a_meter_deletes_its_counters_and_readings() {
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
