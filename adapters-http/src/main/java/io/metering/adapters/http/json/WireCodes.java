package io.metering.adapters.http.json;

import io.metering.domain.changeset.ChangesetId;
import io.metering.domain.governance.EditMode;
import io.metering.domain.governance.MatchStrategy;
import io.metering.domain.governance.TimestampTolerance;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.meter.MeterType;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Domain values in their contract spelling ({@code feed-out}, {@code 360}, ...), never Java enum
 * names. Used by the MapStruct mappers ({@code uses}) and by the explicit meter and counter views.
 */
public final class WireCodes {
    private WireCodes() {}

    /** The id's canonical UUID text; null stays null. */
    public static String id(MeterId id) {
        return id == null ? null : id.toString();
    }

    /** The id's canonical UUID text; null stays null. */
    public static String id(CounterId id) {
        return id == null ? null : id.toString();
    }

    /** The id's canonical UUID text; null stays null. */
    public static String id(ChangesetId id) {
        return id == null ? null : id.toString();
    }

    /** The contract's code of the value; null stays null. */
    public static String code(Direction d) {
        return d == null ? null : d.code();
    }

    /** The contract's code of the value; null stays null. */
    public static String code(TariffType t) {
        return t == null ? null : t.code();
    }

    /** The contract's code of the value; null stays null. */
    public static String code(ReadingSource s) {
        return s == null ? null : s.code();
    }

    /** The contract's code of the value; null stays null. */
    public static String code(ReadingStatus s) {
        return s == null ? null : s.code();
    }

    /** The reason as given, code or free text; null stays null. */
    public static String code(ReadingReason r) {
        return ReadingReason.textOf(r);
    }

    /** The contract's code of the value; null stays null. */
    public static String code(MeterStatus s) {
        return s == null ? null : s.code();
    }

    /** The contract's code of the value; null stays null. */
    public static String code(Sector s) {
        return s == null ? null : s.code();
    }

    /** The contract's code of the value; null stays null. */
    public static String code(MeterType t) {
        return t == null ? null : t.code();
    }

    /** The contract's code of the value; null stays null. */
    public static String code(EditMode m) {
        return m == null ? null : m.code();
    }

    /** The contract's code of the value; null stays null. */
    public static String code(MatchStrategy m) {
        return m == null ? null : m.code();
    }

    /**
     * The contract's {@code TimestampTolerance}: {@code "exact"}, {@code {type: same-day, timezone}}
     * or {@code {type: within-seconds, seconds}}.
     */
    public static Object tolerance(TimestampTolerance t) {
        if (t == null) {
            return null;
        }
        if (t instanceof TimestampTolerance.SameDay sameDay) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", "same-day");
            out.put("timezone", sameDay.zone().getId());
            return out;
        }
        if (t instanceof TimestampTolerance.WithinSeconds within) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", "within-seconds");
            out.put("seconds", within.seconds());
            return out;
        }
        return "exact";
    }
}
