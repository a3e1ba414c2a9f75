package io.metering.application.service.submission;

import io.metering.application.service.reading.CounterSelection;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.submission.SubmissionCounterReading;
import io.metering.application.port.in.submission.SubmissionMeterReading;
import io.metering.application.port.in.submission.SubmissionMeterType;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.ReadingSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Maps one meter entry of a journey submission to readings (docs/domain.md#journey-submissions; the
 * rule in full on {@link io.metering.application.port.in.submission.SubmissionReadingsUseCase}).
 */
final class SubmissionMapping {
    /**
     * One reading with the name of the submitted value it came from.
     *
     * @param label e.g. {@code meterReadings[0].htValue}
     * @param input the reading
     */
    record Labeled(String label, ReadingInput input) {}

    private SubmissionMapping() {}

    /**
     * @param at the entry's name, {@code meterReadings[i]}
     * @param counters the counters of the entry's meter
     * @param now the instant when the entry has no reading date
     * @throws io.metering.domain.error.InvalidRequestException {@code no_counter} when no single
     *     counter fits a value
     */
    static List<Labeled> map(String at, SubmissionMeterReading e, Meter meter, List<Counter> counters, Instant now) {
        Instant ts = e.readingDate() != null ? e.readingDate() : now;
        List<Labeled> out = new ArrayList<>();
        if (!e.readings().isEmpty()) {
            for (int j = 0; j < e.readings().size(); j++) {
                SubmissionCounterReading r = e.readings().get(j);
                out.add(new Labeled(at + ".readings[" + j + "]", input(e, r.counterId(), r.direction(), ts, r.value(),
                        r.unit() != null ? r.unit() : e.readingUnit())));
            }
            return out;
        }
        SubmissionMeterType type = e.meterType() != null ? e.meterType() : SubmissionMeterType.ONE_TARIFF;
        switch (type) {
            case ONE_TARIFF -> {
                boolean feedIn = e.readingValue() == null;
                BigDecimal value = feedIn ? e.feedInValue() : e.readingValue();
                if (value != null) {
                    String label = at + (feedIn ? ".feedInValue" : ".readingValue");
                    Counter c = label(label, () -> CounterSelection.onlyOrByObis(meter, counters, e.obisNumber()));
                    // a feed-in value on a counter that names no direction is feed-in, not the sector default
                    Direction d = feedIn && c.impliedDirection().isEmpty() ? Direction.FEED_IN : null;
                    out.add(new Labeled(label, input(e, c.id(), d, ts, value, e.readingUnit())));
                }
            }
            case TWO_TARIFF -> {
                addTariff(out, at + ".htValue", e, meter, counters, TariffType.HT, e.htValue(), ts);
                addTariff(out, at + ".ntValue", e, meter, counters, TariffType.NT, e.ntValue(), ts);
            }
            case BI_DIRECTIONAL -> {
                addDirection(out, at + ".feedInValue", e, meter, counters, Direction.FEED_IN, e.feedInValue(), ts);
                addDirection(out, at + ".feedOutValue", e, meter, counters, Direction.FEED_OUT, e.feedOutValue(), ts);
            }
        }
        return out;
    }

    private static void addTariff(List<Labeled> out, String label, SubmissionMeterReading e, Meter meter, List<Counter> counters,
            TariffType tariff, BigDecimal value, Instant ts) {
        if (value != null) {
            Counter c = label(label, () -> CounterSelection.withTariff(meter, counters, tariff));
            out.add(new Labeled(label, input(e, c.id(), null, ts, value, e.readingUnit())));
        }
    }

    private static void addDirection(List<Labeled> out, String label, SubmissionMeterReading e, Meter meter,
            List<Counter> counters, Direction direction, BigDecimal value, Instant ts) {
        if (value != null) {
            Counter c = label(label, () -> CounterSelection.withDirection(meter, counters, direction));
            out.add(new Labeled(label, input(e, c.id(), direction, ts, value, e.readingUnit())));
        }
    }

    private static Counter label(String label, Supplier<Counter> pick) {
        try {
            return pick.get();
        } catch (InvalidRequestException ex) {
            throw ex.at(label);
        }
    }

    private static ReadingInput input(SubmissionMeterReading e, CounterId counterId, Direction direction, Instant ts,
            BigDecimal value, String unit) {
        return new ReadingInput(e.meterId(), counterId, direction, ts, value, ReadingSource.JOURNEY_SUBMISSION, e.reason(),
                e.readBy(), null, null, null, null, unit, null);
    }
}
