package io.metering.application.service.shared;

import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.Uuids;

/** Client-chosen ids of new meters and counters ({@code _id}); a fresh UUID when none is given. */
public final class Ids {
    private Ids() {}

    public static MeterId meterId(Object given) {
        String text = AttributeReader.text("_id", given);
        if (text == null) {
            return MeterId.random();
        }
        return new MeterId(Uuids.parse(text).orElseThrow(() -> AttributeReader.invalid("_id must be a UUID")));
    }

    public static CounterId counterId(Object given) {
        String text = AttributeReader.text("_id", given);
        if (text == null) {
            return CounterId.random();
        }
        return new CounterId(Uuids.parse(text).orElseThrow(() -> AttributeReader.invalid("_id must be a UUID")));
    }
}
