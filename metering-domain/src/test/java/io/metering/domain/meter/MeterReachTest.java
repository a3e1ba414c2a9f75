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
    void theContactNamedByTheCustomerRelationReachesIt() {
        assertThat(meter.isReachableBy("contact-anna", Set.of())).isTrue();
    }

    @Test
    void aUserWithOneOfItsContractsReachesIt() {
        assertThat(meter.isReachableBy("contact-ben", Set.of("contract-1", "contract-8"))).isTrue();
        assertThat(meter.isReachableBy(null, Set.of("contract-7"))).isTrue();
    }

    @Test
    void otherContactsAndContractsDoNot() {
        assertThat(meter.isReachableBy("contact-ben", Set.of("contract-1"))).isFalse();
        assertThat(meter.isReachableBy(null, Set.of())).isFalse();
    }

    @Test
    void aContractIdIsNotMistakenForAContactIdOrViceVersa() {
        assertThat(meter.isReachableBy("contract-7", Set.of())).isFalse();
        assertThat(meter.isReachableBy("contact-ben", Set.of("contact-anna"))).isFalse();
    }

    @Test
    void aMeterWithoutRelationsIsReachedByNobody() {
        assertThat(powerMeter().build().isReachableBy("contact-anna", Set.of("contract-7"))).isFalse();
    }
}
