package io.metering.application.service.imports;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.model.ImportCommit;
import io.metering.application.access.Caller;
import io.metering.application.model.CounterLocator;
import io.metering.application.port.in.imports.ImportMeteredDataUseCase;
import io.metering.application.port.in.imports.ImportProgress;
import io.metering.application.port.in.imports.ImportReadingsCommand;
import io.metering.application.port.in.imports.ImportReadingsUseCase;
import io.metering.application.port.in.counter.LocateCountersUseCase;
import io.metering.application.model.MeteredMessage;
import io.metering.application.model.MeteredSeries;
import io.metering.application.model.MeteredValue;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.out.IntervalValueStore;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.loadprofile.IntervalQuality;
import io.metering.domain.loadprofile.IntervalSeries;
import io.metering.domain.loadprofile.IntervalValue;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports market messages in one transaction (docs/load-profiles.md): each series' location and OBIS
 * code are found with the import's {@link CounterLocator}; interval values replace, per counter,
 * the stored values their span overlaps (so a message imported again changes nothing and a corrected
 * one replaces what it covers); register readings go through the bulk import use case with its rules.
 * A refusal names the message position and stores nothing.
 */
public final class ImportMeteredDataService implements ImportMeteredDataUseCase {
    private static final Pattern READING_INDEX = Pattern.compile("^readings\\[(\\d+)]: ");

    private final Transactions transactions;
    private final CounterRepository counters;
    private final IntervalValueStore intervals;
    private final ImportReadingsUseCase readings;
    private final LocateCountersUseCase locator;

    /**
     * @param intervals the interval value store
     * @param readings the bulk import of readings, for register readings
     * @param locator finds meters and counters by location and OBIS code
     */
    public ImportMeteredDataService(Transactions transactions, CounterRepository counters, IntervalValueStore intervals,
            ImportReadingsUseCase readings,
            LocateCountersUseCase locator) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.intervals = Objects.requireNonNull(intervals, "intervals");
        this.readings = Objects.requireNonNull(readings, "readings");
        this.locator = Objects.requireNonNull(locator, "locator");
    }

    /** A counter's interval values of the file. */
    private record Batch(List<IntervalValue> values) {}

    @Override
    public Report importMessages(Caller caller, List<MeteredMessage> messages) {
        caller.requireAdmin("importing readings");
        CounterLocator find = locator.locator(caller);
        return transactions.inTransaction(() -> {
            Map<CounterId, Batch> batches = new LinkedHashMap<>();
            List<ReadingInput> inputs = new ArrayList<>();
            List<String> inputPositions = new ArrayList<>();
            for (MeteredMessage message : messages) {
                for (MeteredSeries series : message.series()) {
                    MeterId meter;
                    CounterId counter;
                    try {
                        meter = find.meter(series.meter());
                    } catch (InvalidRequestException e) {
                        throw e.at(series.meterPosition() + " (location)");
                    }
                    try {
                        counter = find.counter(meter, series.obisNumber(), null);
                    } catch (InvalidRequestException e) {
                        throw e.at(series.position() + " (OBIS code)");
                    }
                    Duration resolution = IntervalSeries.resolution(series.values().stream().filter(v -> !v.isReading())
                            .map(v -> new Instant[] {v.start(), v.end()}).toList()).orElse(null);
                    for (MeteredValue v : series.values()) {
                        if (v.isReading()) {
                            inputs.add(new ReadingInput(meter, counter, null, v.start(), v.value(), ReadingSource.ERP, null, null, null,
                                    null, null, null, null, Map.of()));
                            inputPositions.add(v.position());
                        } else {
                            Batch b = batches.computeIfAbsent(counter, k -> new Batch(new ArrayList<>()));
                            b.values().add(intervalValue(counter, v, resolution, message.reference()));
                        }
                    }
                }
            }
            long stored = 0;
            if (!batches.isEmpty()) {
                counters.lockForReadingWrite(caller.org(), batches.keySet());
            }
            for (Map.Entry<CounterId, Batch> e : batches.entrySet()) {
                Batch b = e.getValue();
                List<IntervalValue> ordered = IntervalSeries.ordered(b.values());
                intervals.replace(caller.org(), e.getKey(), IntervalSeries.span(ordered), ordered);
                stored += ordered.size();
            }
            long readingsStored = inputs.isEmpty() ? 0 : importReadings(caller, inputs, inputPositions);
            return new Report(readingsStored, stored);
        });
    }

    /** The value as an interval of the load profile; an end at or before the start is the start plus the series' resolution. */
    private static IntervalValue intervalValue(CounterId counter, MeteredValue v, Duration resolution, String source) {
        IntervalQuality quality = IntervalQuality.ofQualifier(v.qualifier()).orElseThrow(() -> new InvalidRequestException(
                RejectionReason.INVALID_VALUE, v.position() + ": quantity qualifier '" + v.qualifier() + "' is not one of 220 (true value),"
                        + " 67 (substitute), 201 (provisional), 187 (estimated), 79 (summed)"));
        try {
            if (resolution == null) {
                throw new InvalidRequestException(RejectionReason.INVALID_TIMESTAMP, "no interval of the series ends after it starts");
            }
            return new IntervalValue(counter, v.start(), IntervalSeries.end(v.start(), v.end(), resolution), v.value(), quality, source);
        } catch (InvalidRequestException e) {
            throw e.at(v.position());
        }
    }

    /** Register readings under the import's rules, their refusals named by message position. */
    private long importReadings(Caller caller, List<ReadingInput> inputs, List<String> positions) {
        try {
            return readings.importReadings(new ImportReadingsCommand(caller, inputs.iterator(), ImportReadingsCommand.DEFAULT_CHUNK_SIZE,
                    ImportCommit.FILE, true), ImportProgress.NONE).rows();
        } catch (InvalidRequestException e) {
            Matcher m = READING_INDEX.matcher(e.getMessage());
            return m.find() ? throwAt(e, positions.get(Integer.parseInt(m.group(1)))) : throwAt(e, "register readings");
        }
    }

    private static long throwAt(InvalidRequestException e, String position) {
        throw e.at(position);
    }
}
