package io.metering.application.port.in.submission;

import io.metering.domain.code.WireCodes;
import java.util.Optional;

/** How a journey submission's meter values map to counters (contract field {@code meterType}). */
public enum SubmissionMeterType {
    /** {@code readingValue} (or {@code feedInValue}) on the meter's single counter. */
    ONE_TARIFF("one_tariff"),
    /** {@code htValue} / {@code ntValue} on the counters with tariff ht / nt. */
    TWO_TARIFF("two_tariff"),
    /** {@code feedInValue} / {@code feedOutValue} on the feed-in / feed-out counters. */
    BI_DIRECTIONAL("bi_directional");

    private final String code;

    SubmissionMeterType(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }

    private static final WireCodes<SubmissionMeterType> BY_CODE = WireCodes.of(values(), t -> t.code);

    /** @return the type for a wire value, or empty if unknown */
    public static Optional<SubmissionMeterType> fromCode(String code) {
        return BY_CODE.find(code);
    }
}
