package io.metering.domain.reading;

import java.util.Objects;
import java.util.Set;

/**
 * Why a reading was taken (contract schemas {@code Reason} and {@code ReasonString}). A reading
 * created through the contract carries one of the {@link #KNOWN} codes; updating a reading may set
 * free text (the deprecated {@code ReasonString}), so a reason is a code or any text. Two codes matter
 * to the series: {@link #METER_CHANGE} and {@link #METER_ADJUSTMENT} start a new segment.
 *
 * @param text the reason as given; {@code ""} is the contract's "no particular reason"
 */
public record ReadingReason(String text) {
    /** Every value of the contract's {@code Reason} enum, including the empty string. */
    public static final Set<String> KNOWN =
            Set.of("", "regular", "irregular", "last", "first", "meter_change", "contract_change", "meter_adjustment");

    /** Code {@code regular}; the contract's UI shows an empty reason as this one too. */
    public static final ReadingReason REGULAR = new ReadingReason("regular");
    /** Code {@code irregular}. */
    public static final ReadingReason IRREGULAR = new ReadingReason("irregular");
    /** Code {@code last}. */
    public static final ReadingReason LAST = new ReadingReason("last");
    /** Code {@code first}. */
    public static final ReadingReason FIRST = new ReadingReason("first");
    /** The first reading of a new device: starts a segment (docs/domain.md#writing-readings). */
    public static final ReadingReason METER_CHANGE = new ReadingReason("meter_change");
    /** Code {@code contract_change}. */
    public static final ReadingReason CONTRACT_CHANGE = new ReadingReason("contract_change");
    /** The register was set to another value: starts a segment (docs/domain.md#writing-readings). */
    public static final ReadingReason METER_ADJUSTMENT = new ReadingReason("meter_adjustment");

    /** @throws NullPointerException if the text is null (a reading without a reason has none at all) */
    public ReadingReason {
        Objects.requireNonNull(text, "text");
    }

    /**
     * @param text a reason as given, may be null
     * @return the reason, or null when none was given
     */
    public static ReadingReason of(String text) {
        return text == null ? null : new ReadingReason(text);
    }

    /**
     * @param reason a reason, may be null
     * @return its text, or null when there is none
     */
    public static String textOf(ReadingReason reason) {
        return reason == null ? null : reason.text;
    }

    /** Whether this is one of the contract's {@code Reason} codes rather than free text. */
    public boolean isKnown() {
        return KNOWN.contains(text);
    }

    /**
     * Whether a reading with this reason starts a new segment: it is not checked against earlier
     * readings and consumption never spans the break (docs/domain.md#writing-readings).
     */
    public boolean startsSegment() {
        return startsSegment(text);
    }

    /**
     * As {@link #startsSegment()}, for a reason read as text (a stored row).
     *
     * @param reason the reason's text, may be null
     */
    public static boolean startsSegment(String reason) {
        return METER_CHANGE.text.equals(reason) || METER_ADJUSTMENT.text.equals(reason);
    }

    @Override
    public String toString() {
        return text;
    }
}
