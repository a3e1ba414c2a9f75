package io.metering.application.service.submission;

import io.metering.application.port.out.Transactions;
import io.metering.application.port.out.MeterRepository;
import io.metering.application.port.out.CounterRepository;
import io.metering.application.port.out.ReadingSeriesQueries;
import java.time.Clock;
import java.time.ZoneId;
import io.metering.application.service.write.PlausibilityProvider;
import io.metering.application.service.write.ReadingRecorder;
import io.metering.application.service.write.ReadingWriter;
import io.metering.application.access.Caller;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.in.submission.SubmissionMeterReading;
import io.metering.application.port.in.submission.SubmissionReadingsCommand;
import io.metering.application.port.in.submission.SubmissionReadingsUseCase;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * createMeterReadingFromSubmission (mapping on {@link SubmissionReadingsUseCase}): checks the
 * payload's organization, maps every entry with {@link SubmissionMapping}, and records all readings
 * in one transaction through {@link ReadingRecorder}. Rejections name the submitted value.
 *
 * <p>An organization id in the payload that is not the caller's is a 403, not a 400: the payload
 * is well-formed, but the caller may not write into another organization.
 */
public final class SubmissionReadingsService implements SubmissionReadingsUseCase {
    private final Transactions transactions;
    private final MeterRepository meters;
    private final CounterRepository counters;
    private final Clock clock;
    private final ReadingRecorder recorder;


    /** @param writer the reading write path, one per wiring (bootstrap) */
    public SubmissionReadingsService(Transactions transactions, MeterRepository meters, CounterRepository counters,
            ReadingSeriesQueries series, Clock clock, ZoneId businessZone, ReadingWriter writer) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recorder = new ReadingRecorder(meters, counters, series, businessZone, writer);
    }

    @Override
    public RecordResult record(SubmissionReadingsCommand command) {
        Caller caller = command.caller();
        caller.requireAdmin("createMeterReadingFromSubmission");
        checkOrg(caller, "org_id", command.orgId());
        checkOrg(caller, "entity._org", command.entityOrg());
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            List<SubmissionMapping.Labeled> mapped = map(caller, command.meterReadings(), now);
            if (mapped.isEmpty()) {
                throw nothingToWrite(command.meterReadings());
            }
            if (mapped.size() > RecordReadingsCommand.MAX_READINGS) {
                throw new InvalidRequestException(RejectionReason.TOO_MANY_RECORDS, "the submission holds " + mapped.size()
                        + " readings; at most " + RecordReadingsCommand.MAX_READINGS);
            }
            List<ReadingInput> inputs = mapped.stream().map(SubmissionMapping.Labeled::input).toList();
            try {
                return recorder.record(caller, inputs, command.options(), now);
            } catch (InvalidRequestException | NotFoundException e) {
                throw ReadingLabels.relabel(e, mapped.stream().map(SubmissionMapping.Labeled::label).toList());
            }
        });
    }

    private List<SubmissionMapping.Labeled> map(Caller caller, List<SubmissionMeterReading> entries, Instant now) {
        List<MeterId> ids = entries.stream().filter(Objects::nonNull).map(SubmissionMeterReading::meterId).distinct().toList();
        Map<MeterId, Meter> meters = SubmissionReadingsService.this.meters.findByIds(caller.org(), ids).stream()
                .collect(Collectors.toMap(Meter::id, Function.identity()));
        Map<MeterId, List<Counter>> counters = SubmissionReadingsService.this.counters.findByMeters(caller.org(),
                meters.keySet()).stream()
                .collect(Collectors.groupingBy(Counter::meterId));
        List<SubmissionMapping.Labeled> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            SubmissionMeterReading e = entries.get(i);
            if (e == null) {
                continue;
            }
            String at = "meterReadings[" + i + "]";
            Meter meter = meters.get(e.meterId());
            if (meter == null) {
                throw new NotFoundException(at + ": meter " + e.meterId() + " not found");
            }
            try {
                out.addAll(SubmissionMapping.map(at, e, meter, counters.getOrDefault(meter.id(), List.of()), now));
            } catch (InvalidRequestException ex) {
                throw ex.getMessage().startsWith(at) ? ex : ex.at(at);
            }
        }
        return out;
    }

    /**
     * A submission from which nothing would be written is refused rather than answered "Successfully
     * Processed": the journey would report a reading the series never got
     * (docs/domain.md#journey-submissions). The message names the first entry, or the empty list.
     */
    private static InvalidRequestException nothingToWrite(List<SubmissionMeterReading> entries) {
        if (entries.isEmpty()) {
            return new InvalidRequestException(RejectionReason.MISSING_PARAMS,
                    "entity.meterReadings holds no entry; the submission has no reading to write");
        }
        String what = entries.get(0) == null ? "is null" : "holds no value (readingValue, feedInValue, feedOutValue, htValue, "
                + "ntValue or readings)";
        String others = entries.size() == 1 ? "" : " and no later entry holds one either";
        return new InvalidRequestException(RejectionReason.MISSING_PARAMS, "meterReadings[0] " + what + others
                + "; the submission has no reading to write");
    }

    private static void checkOrg(Caller caller, String field, String given) {
        if (given != null && !given.equals(caller.org().value())) {
            throw new ForbiddenException(field + " names another organization than the caller's");
        }
    }
}
