package io.metering.domain.meter;

import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which portal users reach a meter: by its customer relation or by its contract relation. */
class MeterReachTest {
    private final Meter meter = powerMeter()
            .customers(List.of(new EntityRelation("contact-anna", "contact")))
            .contracts(List.of(new EntityRelation("contract-7", "contract"), new EntityRelation("contract-8", "contract")))
            .build();

    @Test
    void the_contact_named_by_the_customer_relation_reaches_it() {
        assertThat(meter.isReachableBy("contact-anna", Set.of())).isTrue();
    }

    @Test
    void a_user_with_one_of_its_contracts_reaches_it() {
        assertThat(meter.isReachableBy("contact-ben", Set.of("contract-1", "contract-8"))).isTrue();
        assertThat(meter.isReachableBy(null, Set.of("contract-7"))).isTrue();
    }

    @Test
    void other_contacts_and_contracts_do_not() {
        assertThat(meter.isReachableBy("contact-ben", Set.of("contract-1"))).isFalse();
        assertThat(meter.isReachableBy(null, Set.of())).isFalse();
    }

    @Test
    void a_contract_id_is_not_mistaken_for_a_contact_id_or_vice_versa() {
        assertThat(meter.isReachableBy("contract-7", Set.of())).isFalse();
        assertThat(meter.isReachableBy("contact-ben", Set.of("contact-anna"))).isFalse();
    }

    @Test
    void a_meter_without_relations_is_reached_by_nobody() {
        assertThat(powerMeter().build().isReachableBy("contact-anna", Set.of("contract-7"))).isFalse();
    }
}
