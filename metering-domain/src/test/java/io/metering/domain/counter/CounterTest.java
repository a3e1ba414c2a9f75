package io.metering.domain.counter;

import static io.metering.domain.fixtures.Fixtures.bareCounter;
import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterTest {
    private final Meter meter = powerMeter().build();

    @Test
    void theDeclaredDirectionWinsOverTheObisCode() {
        Counter c = bareCounter(meter).obisNumber("1-0:2.8.0").direction(Direction.FEED_OUT).build();
        assertThat(c.impliedDirection()).contains(Direction.FEED_OUT);
    }

    @Test
    void withoutDeclaredDirectionTheObisCodeNamesIt() {
        assertThat(bareCounter(meter).obisNumber("1-0:2.8.0").build().impliedDirection()).contains(Direction.FEED_IN);
        assertThat(bareCounter(meter).obisNumber("1-0:1.8.2").build().impliedDirection()).contains(Direction.FEED_OUT);
    }

    @Test
    void aCounterWithNeitherImpliesNoDirection() {
        assertThat(bareCounter(meter).build().impliedDirection()).isEmpty();
        assertThat(bareCounter(meter).obisNumber("A-34").build().impliedDirection()).isEmpty();
        assertThat(bareCounter(meter).obisNumber("7-0:3.0.0").build().impliedDirection()).isEmpty();
    }

    @Test
    void theEnergyFactorIsTransformerRatioTimesConversionFactor() {
        Counter c = bareCounter(meter).transformerRatio(new BigDecimal("40")).conversionFactor(new BigDecimal("10.5")).build();
        assertThat(c.energyFactor()).isEqualByComparingTo("420");
        assertThat(bareCounter(meter).build().energyFactor()).isEqualByComparingTo("1");
        assertThat(bareCounter(meter).transformerRatio(new BigDecimal("0.25")).build().energyFactor()).isEqualByComparingTo("0.25");
    }

    @Test
    void factorsAndCapacityMustBePositive() {
        assertThatThrownBy(() -> bareCounter(meter).transformerRatio(BigDecimal.ZERO).build())
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER))
                .hasMessageContaining("transformer_ratio");
        assertThatThrownBy(() -> bareCounter(meter).conversionFactor(new BigDecimal("-1")).build())
                .hasMessageContaining("conversion_factor");
        assertThatThrownBy(() -> bareCounter(meter).registerCapacity(BigDecimal.ZERO).build())
                .hasMessageContaining("register_capacity");
    }

    @Test
    void aRegisterCapacityIsOfferedOnlyWhenDeclared() {
        assertThat(bareCounter(meter).build().capacity()).isEmpty();
        assertThat(bareCounter(meter).registerCapacity(new BigDecimal("100000")).build().capacity())
                .contains(new RegisterCapacity(new BigDecimal("100000")));
    }

    @Test
    void attributesAreCopiedSoLaterChangesByTheCallerDoNotLeakIn() {
        Map<String, Object> attributes = new HashMap<>(Map.of("location", "basement"));
        Counter c = bareCounter(meter).attributes(attributes).build();
        attributes.put("location", "attic");
        assertThat(c.attributes()).containsEntry("location", "basement");
    }
}
