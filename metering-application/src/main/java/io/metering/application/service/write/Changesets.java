package io.metering.application.service.write;

import io.metering.domain.changeset.ProposedReading;
import io.metering.domain.reading.Reading;

/** Mapping between readings and the proposals changesets hold. */
final class Changesets {
    private Changesets() {}

    /** The proposal form of a reading. */
    static ProposedReading proposal(Reading r) {
        return new ProposedReading(r.value(), r.direction(), r.timestamp(), r.reason(), r.remark(), r.readBy(), r.status(),
                r.externalId());
    }
}
