package io.metering.domain.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Calendar periods partition any span, and every inner boundary is the start of a calendar period. */
class CalendarPeriodsPropertiesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Berlin"), ZoneId.of("UTC"),
            ZoneId.of("America/Vancouver"), ZoneId.of("Asia/Kolkata"), ZoneId.of("America/Sao_Paulo"));

    record Case(Period span, Interval interval, ZoneId zone) {}

    private static Gen<Case> cases() {
        long from = Instant.parse("2010-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();
        return in -> {
            long start = Generate.longRange(from, to).generate(in);
            long length = Generate.longRange(1, 400L * 86_400_000L).generate(in);
            Interval interval = Interval.values()[Generate.range(0, Interval.values().length - 1).generate(in)];
            ZoneId zone = ZONES.get(Generate.range(0, ZONES.size() - 1).generate(in));
            return new Case(new Period(Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + length)), interval, zone);
        };
    }

    @Test
    void thePeriodsAreContiguousCoverTheSpanAndStartAtLocalMidnight() {
        qt().withExamples(500).forAll(cases()).checkAssert(c -> {
            List<Period> periods = CalendarPeriods.split(c.span(), c.interval(), c.zone(), 1000);

            assertThat(periods.get(0).start()).isEqualTo(c.span().start());
            assertThat(periods.get(periods.size() - 1).end()).isEqualTo(c.span().end());
            for (int i = 1; i < periods.size(); i++) {
                Instant boundary = periods.get(i).start();
                assertThat(periods.get(i - 1).end()).isEqualTo(boundary);
                ZonedDateTime local = boundary.atZone(c.zone());
                assertThat(local.toLocalDate().atStartOfDay(c.zone()).toInstant()).as("%s is a local day start", local)
                        .isEqualTo(boundary);
                switch (c.interval()) {
                    case WEEK -> assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                    case MONTH -> assertThat(local.getDayOfMonth()).isEqualTo(1);
                    case YEAR -> assertThat(local.getDayOfYear()).isEqualTo(1);
                    default -> { } // a day boundary: checked above
                }
            }
        });
    }
}
