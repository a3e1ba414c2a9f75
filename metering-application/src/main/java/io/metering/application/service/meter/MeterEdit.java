package io.metering.application.service.meter;

import io.metering.application.model.FieldChange;
import io.metering.application.port.in.meter.ContractPeriodInput;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.application.port.in.meter.MeterField;
import io.metering.application.service.shared.ExtraAttributes;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.ContractPeriod;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.reading.EchoMatching;
import io.metering.domain.time.TimeInput;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies typed meter changes to a meter: the named fields, the lifecycle dates and echo matching
 * (kept among the meter's attributes, where the domain reads them), and the extra attributes.
 */
final class MeterEdit {
    private MeterEdit() {}

    /**
     * A portal user may change only some fields of their own meter (docs/domain.md#who-may-do-what).
     *
     * @throws ForbiddenException naming every field the changes name that the portal may not change
     */
    static void requirePortalMayChange(MeterChanges changes) {
        List<String> refused = changes.named().stream().filter(f -> !f.portalMayChange()).map(MeterField::label).sorted().toList();
        if (!refused.isEmpty()) {
            throw new ForbiddenException("portal users may not change " + String.join(", ", refused));
        }
    }

    /**
     * @param current the meter before the change (a bare one on create)
     * @param c the changes
     * @param businessZone zone for date-only contract period bounds and lifecycle dates
     * @param now the time of the change
     * @return the changed meter, updated at {@code now}
     * @throws io.metering.domain.error.InvalidRequestException {@code invalid_timestamp} for a lifecycle
     *     date that is not a date or instant; {@code invalid_parameter} for clearing the closing
     *     instant of a meter that stays decommissioned
     */
    static Meter apply(Meter current, MeterChanges c, ZoneId businessZone, Instant now) {
        Meter.Builder b = current.toBuilder().updatedAt(now)
                .title(c.title().applyTo(current.title()))
                .tags(c.tags().applyTo(current.tags()))
                .maLoId(c.maLoId().applyTo(current.maLoId()))
                .meterNumber(c.meterNumber().applyTo(current.meterNumber()))
                .sector(c.sector().applyTo(current.sector()))
                .meterType(c.meterType().applyTo(current.meterType()))
                .tariffType(c.tariffType().applyTo(current.tariffType()))
                .usedFor(c.usedFor().applyTo(current.usedFor()))
                .manufacturer(c.manufacturer().applyTo(current.manufacturer()))
                .calibrationDate(c.calibrationDate().applyTo(current.calibrationDate()))
                .customers(c.customers().applyTo(current.customers()))
                .contracts(c.contracts().applyTo(current.contracts()))
                .governance(c.governance().applyTo(current.governance()));
        MeterStatus status = c.status().applyTo(current.status());
        b.status(status == null ? MeterStatus.ACTIVE : status);
        if (!c.contractPeriods().keeps()) {
            List<ContractPeriodInput> periods = c.contractPeriods().applyTo(List.of());
            b.contractPeriods(periods == null ? List.of() : periods.stream().map(p -> period(p, businessZone)).toList());
        }
        Map<String, Object> attributes = ExtraAttributes.over(current.attributes(), c.extras());
        lifecycle(attributes, MeterLifecycle.INSTALLATION_DATE, c.installationDate(), businessZone);
        lifecycle(attributes, MeterLifecycle.COMMISSIONING_DATE, c.commissioningDate(), businessZone);
        lifecycle(attributes, MeterLifecycle.DECOMMISSIONED_AT, c.decommissionedAt(), businessZone);
        put(attributes, EchoMatching.ATTRIBUTE, c.readingEcho().kind(), c.readingEcho().sets() ? c.readingEcho().value().code() : null);
        return stampDecommissioning(b.attributes(attributes).build(), c, now);
    }

    /** Lifecycle dates are kept as given, among the attributes; checked here so that the rules can read them. */
    private static void lifecycle(Map<String, Object> attributes, String name, FieldChange<String> change, ZoneId zone) {
        if (change.sets()) {
            MeterLifecycle.parse(change.value(), name, zone, false);
        }
        put(attributes, name, change.kind(), change.value());
    }

    private static void put(Map<String, Object> attributes, String name, FieldChange.Kind kind, Object value) {
        switch (kind) {
            case KEEP -> { }
            case CLEAR -> attributes.remove(name);
            case SET -> attributes.put(name, value);
        }
    }

    private static ContractPeriod period(ContractPeriodInput p, ZoneId zone) {
        return new ContractPeriod(bound(p.start(), zone, false), bound(p.end(), zone, true));
    }

    /** A date-only end includes that day: the period ends at the start of the next one. */
    private static Instant bound(TimeInput in, ZoneId zone, boolean end) {
        if (in == null) {
            return null;
        }
        if (in instanceof TimeInput.DateOnly d) {
            return (end ? d.date().plusDays(1) : d.date()).atStartOfDay(zone).toInstant();
        }
        return ((TimeInput.Exact) in).instant();
    }

    /**
     * Records when a meter was decommissioned, if the change did not say (docs/domain.md#decommissioned-meters):
     * the meter is closed from that instant, to the millisecond like every stored instant. A meter
     * made active again forgets the instant. Clearing the instant of a meter that stays
     * decommissioned is refused: stamping the time of the change instead would silently move the
     * closing and reopen the time in between to writes.
     *
     * @throws InvalidRequestException {@code invalid_parameter} for {@code decommissioned_at: null}
     *     on a meter that stays decommissioned
     */
    private static Meter stampDecommissioning(Meter meter, MeterChanges changes, Instant now) {
        boolean stated = changes.decommissionedAt().sets();
        boolean known = meter.attributes().get(MeterLifecycle.DECOMMISSIONED_AT) != null;
        if (meter.isDecommissioned() && changes.decommissionedAt().kind() == FieldChange.Kind.CLEAR) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "decommissioned_at cannot be cleared while the"
                    + " meter stays decommissioned: send status 'active' to reopen the meter, or a new decommissioned_at to move"
                    + " its closing");
        }
        Map<String, Object> attributes = new LinkedHashMap<>(meter.attributes());
        if (meter.isDecommissioned() && !known) {
            attributes.put(MeterLifecycle.DECOMMISSIONED_AT, now.truncatedTo(ChronoUnit.MILLIS).toString());
        } else if (!meter.isDecommissioned() && known && !stated && !changes.status().keeps()) {
            attributes.remove(MeterLifecycle.DECOMMISSIONED_AT);
        } else {
            return meter;
        }
        return meter.toBuilder().attributes(attributes).build();
    }
}
