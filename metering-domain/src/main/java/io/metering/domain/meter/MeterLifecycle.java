package io.metering.domain.meter;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.time.TimeInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * When a meter may hold readings (docs/domain.md#plausible-dates and
 * docs/domain.md#decommissioned-meters), read from this product's meter attributes
 * {@value #INSTALLATION_DATE} (or {@value #COMMISSIONING_DATE}) and {@value #DECOMMISSIONED_AT}.
 * Each is a date (read in the business time zone) or an instant, as {@link TimeInput} takes them.
 */
public final class MeterLifecycle {
    /** Attribute: the day (or instant) the meter was installed; no reading lies before it. */
    public static final String INSTALLATION_DATE = "installation_date";
    /** Attribute read where {@value #INSTALLATION_DATE} is absent. */
    public static final String COMMISSIONING_DATE = "commissioning_date";
    /** Attribute: the day (through its end) or instant the meter was decommissioned. */
    public static final String DECOMMISSIONED_AT = "decommissioned_at";
    /**
     * The earliest plausible reading instant where a meter names no installation date: after the
     * epochs meter clocks fall back to (1970-01-01 Unix, 1980-01-01 DOS, 1980-01-06 GPS).
     */
    public static final Instant EARLIEST_PLAUSIBLE = LocalDate.of(1990, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private MeterLifecycle() {}

    /**
     * The earliest instant a reading of the meter may have: the start of its installation (or
     * commissioning) date, else {@link #EARLIEST_PLAUSIBLE}.
     *
     * @param zone the business time zone, for dates
     */
    public static Instant earliestReading(Meter meter, ZoneId zone) {
        return instant(meter, INSTALLATION_DATE, zone, false)
                .or(() -> instant(meter, COMMISSIONING_DATE, zone, false))
                .orElse(EARLIEST_PLAUSIBLE);
    }

    /**
     * The meter's closing instant: its {@value #DECOMMISSIONED_AT} (a date means the end of that
     * business day) whatever its status says, since the instant is what the rule is about; else, for a
     * decommissioned meter, the time of its last change, when the service set its status. Empty for
     * an active meter without a decommissioning instant. Readings after it are refused; up to it,
     * admins may correct readings (docs/domain.md#decommissioned-meters).
     *
     * @param zone the business time zone, for dates
     */
    public static Optional<Instant> closedAt(Meter meter, ZoneId zone) {
        Optional<Instant> stated = instant(meter, DECOMMISSIONED_AT, zone, true);
        if (stated.isPresent() || !meter.isDecommissioned()) {
            return stated;
        }
        return Optional.of(meter.updatedAt());
    }

    /**
     * Refuses a change to a stored reading after the meter's closing instant: an update, a move away
     * from it or a delete (docs/domain.md#decommissioned-meters). The write rules judge only the new
     * reading, so the paths that change stored ones ask here.
     *
     * @param where the message's prefix naming the item (e.g. {@code "readings[3]: "}), or empty
     * @param storedAt the stored reading's timestamp
     * @throws InvalidRequestException with reason {@code meter_decommissioned} if it lies after the closing
     */
    public static void requireChangeable(Meter meter, ZoneId zone, Instant storedAt, String where) {
        Optional<Instant> closed = closedAt(meter, zone);
        if (closed.isPresent() && storedAt.isAfter(closed.get())) {
            throw new InvalidRequestException(RejectionReason.METER_DECOMMISSIONED, where + "meter " + meter.id()
                    + " is decommissioned at " + closed.get() + "; its readings after that instant cannot change");
        }
    }

    /**
     * Whether the meter is out of service at {@code now}: decommissioned, or past its closing
     * instant (a meter whose {@value #DECOMMISSIONED_AT} lies ahead is still in service). Portal
     * users write nothing to such a meter, and createReadingWithMeter does not pick it among
     * meters sharing a MaLo id.
     *
     * @param zone the business time zone, for dates
     */
    public static boolean isClosed(Meter meter, ZoneId zone, Instant now) {
        return meter.isDecommissioned() || closedAt(meter, zone).filter(now::isAfter).isPresent();
    }

    /**
     * Reads a lifecycle attribute as an instant.
     *
     * @param endOfDay whether a date means the end of that business day (else its start)
     * @return empty when absent or not a date or instant (the service refuses such values on write)
     */
    public static Optional<Instant> instant(Meter meter, String attribute, ZoneId zone, boolean endOfDay) {
        if (!(meter.attributes().get(attribute) instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(text, attribute, zone, endOfDay));
        } catch (InvalidRequestException e) {
            return Optional.empty();
        }
    }

    /**
     * @throws InvalidRequestException {@code invalid_timestamp} when the text is not a date or instant
     */
    public static Instant parse(String text, String attribute, ZoneId zone, boolean endOfDay) {
        TimeInput in = TimeInput.parse(text, attribute, zone);
        if (in instanceof TimeInput.DateOnly d) {
            return (endOfDay ? d.date().plusDays(1) : d.date()).atStartOfDay(zone).toInstant().minusMillis(endOfDay ? 1 : 0);
        }
        return ((TimeInput.Exact) in).instant();
    }
}
