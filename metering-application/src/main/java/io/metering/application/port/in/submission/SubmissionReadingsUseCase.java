package io.metering.application.port.in.submission;

import io.metering.application.port.in.reading.RecordResult;

/**
 * Stores the meter readings of a journey submission (contract operation
 * createMeterReadingFromSubmission; docs/domain.md#journey-submissions), source
 * {@code journey-submission}, all or nothing through the normal write rules. Governed meters get
 * changesets.
 *
 * <p>Mapping per meter entry: explicit {@code readings[]} win; otherwise by {@code meterType}
 * (missing means one-tariff): one-tariff puts {@code readingValue}, else {@code feedInValue}, on
 * the meter's single counter (with several, the one matching {@code obisNumber}); two-tariff puts
 * {@code htValue}/{@code ntValue} on the counters whose tariff (declared, else by OBIS code) is
 * ht/nt; bi-directional puts {@code feedInValue}/{@code feedOutValue} on the counters whose
 * direction (declared, else by OBIS code) is feed-in/feed-out. Where several counters qualify, the
 * total register (no tariff) or the consumption register is preferred; otherwise the entry is
 * ambiguous. Values the journey left empty write nothing; a submission without any value succeeds
 * with nothing written.
 */
public interface SubmissionReadingsUseCase {
    /**
     * @param command the submission
     * @return the readings written and the changesets created, in submission order
     * @throws io.metering.domain.error.ForbiddenException {@code org_id} or {@code entity._org}
     *     naming another organization than the caller's, or a portal caller
     * @throws io.metering.domain.error.NotFoundException an unknown meter or counter, naming
     *     {@code meterReadings[i]}
     * @throws io.metering.domain.error.InvalidRequestException naming the submitted value
     *     ({@code meterReadings[i].htValue}, ...): {@code no_counter} when no single counter fits,
     *     {@code too_many_records} beyond 100 readings, or a write rule ({@code timestamp_future},
     *     {@code less_than_previous}, {@code greater_than_subsequent}, ...)
     */
    RecordResult record(SubmissionReadingsCommand command);
}
