package io.metering.application.service.write;

import io.metering.application.port.out.ReadingSeriesQueries;
import java.util.Objects;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the new readings that are echoes of stored ones (docs/domain.md#same-reading-same-business-day)
 * and turns each into a refresh of the stored reading. Runs inside the write's transaction with the
 * counters locked; one indexed range query per series the candidates name (see {@link #storedAround}),
 * for meters that keep the default {@link EchoMatching#SAME_DAY}.
 */
public final class EchoMatcher {
    /**
     * The candidates after matching.
     *
     * @param candidates the candidates in their order, echoes replaced by the stored reading they confirm
     * @param confirmed the stored readings the echoes confirm (written again, not added), each once
     */
    public record Matched(List<ReadingCandidate> candidates, Collection<Reading> confirmed) {}

    /** Candidates of one series spread over at most this many days are matched with one query. */
    private static final int MAX_SPAN_DAYS = 31;

    private final ReadingSeriesQueries series;
    private final ZoneId businessZone;

    public EchoMatcher(ReadingSeriesQueries series, ZoneId businessZone) {
        this.series = Objects.requireNonNull(series, "series");
        this.businessZone = Objects.requireNonNull(businessZone, "businessZone");
    }

    public Matched match(OrganizationId org, List<ReadingCandidate> candidates) {
        ZoneId zone = businessZone;
        Map<SeriesKey, List<Reading>> stored = storedAround(org, candidates, zone);
        List<ReadingCandidate> out = new ArrayList<>(candidates.size());
        Map<ReadingKey, Reading> confirmed = new LinkedHashMap<>();
        for (ReadingCandidate c : candidates) {
            Reading r = c.reading();
            List<Reading> near = stored.getOrDefault(r.series(), List.of());
            Optional<Reading> original = near.stream().filter(s -> EchoMatching.isEcho(s, r, zone)).findFirst();
            if (original.isPresent() && near.stream().noneMatch(s -> s.key().equals(r.key()))) {
                confirmed.putIfAbsent(original.get().key(), original.get());
                out.add(new ReadingCandidate(c.index(), EchoMatching.confirm(original.get(), r), c.meter(), c.counter(),
                        c.statusSetByWriter()));
            } else {
                out.add(c);
            }
        }
        return new Matched(out, confirmed.values());
    }

    /**
     * The stored readings of the business days the matching candidates name, per series: one range
     * query per series over the days from the first to the last (a request's readings usually lie
     * within days of each other), or one per day where they spread over more than a month.
     */
    private Map<SeriesKey, List<Reading>> storedAround(OrganizationId org, List<ReadingCandidate> candidates, ZoneId zone) {
        Map<SeriesKey, java.util.TreeSet<LocalDate>> days = new HashMap<>();
        for (ReadingCandidate c : candidates) {
            if (EchoMatching.of(c.meter()) != EchoMatching.OFF) {
                days.computeIfAbsent(c.reading().series(), k -> new java.util.TreeSet<>()).add(EchoMatching.day(c.reading().timestamp(), zone));
            }
        }
        Map<SeriesKey, List<Reading>> out = new HashMap<>();
        days.forEach((series, dates) -> {
            List<Reading> found = new ArrayList<>();
            if (dates.first().plusDays(MAX_SPAN_DAYS).isAfter(dates.last())) {
                found.addAll(range(org, series, earliest(dates.first(), zone), latest(dates.last(), zone)));
            } else {
                dates.forEach(d -> found.addAll(range(org, series, earliest(d, zone), latest(d, zone))));
            }
            out.put(series, found);
        });
        return out;
    }

    private List<Reading> range(OrganizationId org, SeriesKey series, Instant from, Instant to) {
        return EchoMatcher.this.series.range(org, series.counterId(), Optional.of(series.direction()), from, to, SortOrder.ASC,
                new PageRequest(0, PageRequest.ALL));
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

}
