package io.metering.application.service.counter;

import io.metering.application.port.in.counter.CounterChanges;
import io.metering.application.service.shared.ExtraAttributes;
import io.metering.domain.counter.Counter;
import java.time.Instant;
import java.util.Map;

/** Applies typed counter changes to a counter: the named fields and the extra attributes. */
final class CounterEdit {
    private CounterEdit() {}

    /**
     * @param current the counter before the change (a bare one on create)
     * @return the changed counter, updated at {@code now}
     */
    static Counter apply(Counter current, CounterChanges c, Instant now) {
        Map<String, Object> attributes = ExtraAttributes.over(current.attributes(), c.extras());
        return current.toBuilder().updatedAt(now)
                .title(c.title().applyTo(current.title()))
                .obisNumber(c.obisNumber().applyTo(current.obisNumber()))
                .direction(c.direction().applyTo(current.direction()))
                .tariffType(c.tariffType().applyTo(current.tariffType()))
                .unit(c.unit().applyTo(current.unit()))
                .transformerRatio(c.transformerRatio().applyTo(current.transformerRatio()))
                .conversionFactor(c.conversionFactor().applyTo(current.conversionFactor()))
                .registerCapacity(c.registerCapacity().applyTo(current.registerCapacity()))
                .attributes(attributes)
                .build();
    }
}
