package io.metering.application.service;

import io.metering.application.model.PageRequest;
import io.metering.application.model.SortOrder;
import io.metering.domain.reading.EchoMatching;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingCandidate;
import io.metering.domain.reading.ReadingKey;
import io.metering.domain.reading.SeriesKey;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the new readings that are echoes of stored ones (docs/domain.md#same-reading-same-business-day)
 * and turns each into a refresh of the stored reading. Runs inside the write's transaction with the
 * counters locked; one indexed range query per series and business day the candidates name, for
 * meters that keep the default {@link EchoMatching#SAME_DAY}.
 */
final class EchoMatcher {
    /**
     * The candidates after matching.
     *
     * @param candidates the candidates in their order, echoes replaced by the stored reading they confirm
     * @param confirmed the keys of the stored readings the echoes confirm (written again, not added)
     */
    record Matched(List<ReadingCandidate> candidates, Set<ReadingKey> confirmed) {}

    private final ServiceContext ctx;

    EchoMatcher(ServiceContext ctx) {
        this.ctx = ctx;
    }

    Matched match(OrganizationId org, List<ReadingCandidate> candidates) {
        ZoneId zone = ctx.businessZone();
        Map<DayOfSeries, List<Reading>> days = new HashMap<>();
        List<ReadingCandidate> out = new ArrayList<>(candidates.size());
        Set<ReadingKey> confirmed = new LinkedHashSet<>();
        for (ReadingCandidate c : candidates) {
            if (EchoMatching.of(c.meter()) == EchoMatching.OFF) {
                out.add(c);
                continue;
            }
            Reading r = c.reading();
            LocalDate day = EchoMatching.day(r.timestamp(), zone);
            List<Reading> stored = days.computeIfAbsent(new DayOfSeries(r.series(), day), k -> ctx.series().range(org,
                    r.counterId(), Optional.of(r.direction()), earliest(day, zone), latest(day, zone), SortOrder.ASC,
                    new PageRequest(0, PageRequest.ALL)));
            Optional<Reading> original = stored.stream()
                    .filter(s -> s.direction() == r.direction() && EchoMatching.isEcho(s, r, zone))
                    .findFirst();
            if (original.isPresent() && stored.stream().noneMatch(s -> s.key().equals(r.key()))) {
                confirmed.add(original.get().key());
                out.add(new ReadingCandidate(c.index(), EchoMatching.confirm(original.get(), r), c.meter(), c.counter(),
                        c.statusSetByWriter()));
            } else {
                out.add(c);
            }
        }
        return new Matched(out, confirmed);
    }

    /** The first instant of a reading of the business day: its local start, or 00:00 UTC of its date. */
    private static Instant earliest(LocalDate day, ZoneId zone) {
        Instant local = day.atStartOfDay(zone).toInstant();
        Instant utc = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return local.isBefore(utc) ? local : utc;
    }

    /** The last instant of a reading of the business day. */
    private static Instant latest(LocalDate day, ZoneId zone) {
        Instant local = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant utc = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return (local.isAfter(utc) ? local : utc).minusMillis(1);
    }

    private record DayOfSeries(SeriesKey series, LocalDate day) {}
}
