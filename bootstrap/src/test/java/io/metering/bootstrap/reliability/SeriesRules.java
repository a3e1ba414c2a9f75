package io.metering.bootstrap.reliability;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The docs/domain.md rules every stored series must satisfy, checked on the rows of the database and
 * written down here independently of the service's own validator: no duplicate key, no negative
 * value, no value outside its register, no timestamp after the check's "now", millisecond
 * instants, and values not decreasing within a segment (a {@code meter_change} or
 * {@code meter_adjustment} reading starts one) except across a register wrap (previous value in the
 * register's top tenth, next in its bottom tenth). Implausible readings take no part in ordering.
 */
final class SeriesRules {
    private static final BigDecimal TENTH = new BigDecimal("0.1");

    private SeriesRules() {}

    /**
     * @param readings stored readings, any order
     * @param capacities register capacity per counter id, for the counters that declare one
     * @param now no reading may lie after this instant
     * @return one line per broken rule; empty when every series keeps every rule
     */
    static List<String> violations(List<StoredReading> readings, Map<String, BigDecimal> capacities, Instant now) {
        List<String> out = new ArrayList<>();
        Map<String, List<StoredReading>> bySeries = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (StoredReading r : readings) {
            String series = r.counterId() + "/" + r.direction();
            if (!keys.add(series + "@" + r.timestamp())) {
                out.add("duplicate reading " + series + " at " + r.timestamp());
            }
            if (r.value().signum() < 0) {
                out.add("negative value " + r.value() + " in " + series + " at " + r.timestamp());
            }
            BigDecimal capacity = capacities.get(r.counterId());
            if (capacity != null && r.value().compareTo(capacity) >= 0) {
                out.add("value " + r.value() + " does not fit register " + capacity + " in " + series);
            }
            if (r.timestamp().isAfter(now)) {
                out.add("future timestamp " + r.timestamp() + " in " + series);
            }
            if (!r.timestamp().truncatedTo(ChronoUnit.MILLIS).equals(r.timestamp())) {
                out.add("sub-millisecond timestamp " + r.timestamp() + " in " + series);
            }
            bySeries.computeIfAbsent(series, k -> new ArrayList<>()).add(r);
        }
        bySeries.forEach((series, list) -> {
            list.sort(Comparator.comparing(StoredReading::timestamp));
            Optional<BigDecimal> capacity = Optional.ofNullable(capacities.get(list.get(0).counterId()));
            StoredReading previous = null;
            for (StoredReading r : list) {
                if ("implausible".equals(r.status())) {
                    continue;
                }
                if (previous != null && !r.startsSegment() && r.value().compareTo(previous.value()) < 0
                        && !isWrap(previous.value(), r.value(), capacity)) {
                    out.add(series + ": " + r.value() + " at " + r.timestamp() + " is below " + previous.value() + " at "
                            + previous.timestamp() + " within one segment");
                }
                previous = r;
            }
        });
        return out;
    }

    private static boolean isWrap(BigDecimal previous, BigDecimal next, Optional<BigDecimal> capacity) {
        if (capacity.isEmpty()) {
            return false;
        }
        BigDecimal window = capacity.get().multiply(TENTH);
        return previous.compareTo(capacity.get().subtract(window)) >= 0 && next.compareTo(window) < 0;
    }
}
