package io.metering.application.service.batch;

import io.metering.application.service.TestServices;
import io.metering.application.service.ServiceWorld;
import io.metering.application.service.write.PlausibilityProvider;
import static io.metering.application.service.ServiceWorld.at;
import static io.metering.application.service.ServiceWorld.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.metering.application.port.in.batch.BatchItem;
import io.metering.application.port.in.batch.BatchItemResult;
import io.metering.application.port.in.batch.BatchOperation;
import io.metering.application.port.in.batch.BatchWriteCommand;
import io.metering.application.port.in.batch.BatchWriteResult;
import io.metering.application.port.in.batch.ReadingIdentifiers;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class BatchWriteReadingsServiceTest {
    private static final ReadingIdentifiers BY_EXTERNAL_ID = ReadingIdentifiers.byExternalId();

    private final ServiceWorld w = new ServiceWorld();
    private final BatchWriteReadingsService service = TestServices.batchWriteReadingsService(w.ctx, PlausibilityProvider.NONE);
    private final Meter meter = w.meter();
    private final Counter counter = w.feedOutCounter(meter);

    private BatchItem item(BatchOperation op, String instant, String value) {
        return item(op, instant, value, null, Map.of(), ReadingSource.APP_360);
    }

    private BatchItem item(BatchOperation op, String instant, String value, String externalId, Map<String, String> metadata,
            ReadingSource source) {
        return new BatchItem(op, meter.id(), counter.id(), null, instant == null ? null : at(instant),
                value == null ? null : dec(value), source, null, null, null, externalId, null, null, null, metadata);
    }

    private BatchWriteResult write(ReadingIdentifiers ids, BatchItem... items) {
        return write(ids, WriteOptions.DEFAULT, items);
    }

    private BatchWriteResult write(ReadingIdentifiers ids, WriteOptions options, BatchItem... items) {
        return service.write(new BatchWriteCommand(w.admin, List.of(items), ids, options));
    }

    private Reading storedWith(String instant, String value, String externalId, Map<String, String> metadata) {
        return w.stored(new Reading(meter.id(), counter.id(), Direction.FEED_OUT, at(instant), dec(value), ReadingSource.ERP,
                null, null, null, externalId, null, null, null, metadata));
    }

    private static void assertRejected(ThrowingCallable call, RejectionReason reason, String messagePart) {
        assertThatThrownBy(call).isInstanceOf(InvalidRequestException.class).hasMessageContaining(messagePart)
                .extracting("reason").isEqualTo(reason);
    }

    @Test
    void createUpsertsByTheDefaultIdentity() {
        write(null, item(BatchOperation.CREATE, "2024-01-01T00:00:00Z", "100"));
        BatchWriteResult again = write(null, item(BatchOperation.CREATE, "2024-01-01T00:00:00Z", "120"));

        assertThat(again.items()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(BatchItemResult.Kind.WRITTEN);
            assertThat(r.reading().value()).isEqualByComparingTo("120");
        });
        assertThat(w.values(counter)).containsExactly("120");
    }

    @Test
    void updateAndDeleteNeedAMatch() {
        assertThatThrownBy(() -> write(null, item(BatchOperation.UPDATE, "2024-01-01T00:00:00Z", "100")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("readings[0]");
        assertThatThrownBy(() -> write(null, BatchItem.delete(meter.id(), counter.id(), null, at("2024-01-01T00:00:00Z"), null, null)))
                .isInstanceOf(NotFoundException.class);

        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        write(null, item(BatchOperation.UPDATE, "2024-01-01T00:00:00Z", "105"));
        assertThat(w.values(counter)).containsExactly("105");
    }

    @Test
    void deleteReturnsTheFullDeletedReadingAndResultsFollowRequestOrder() {
        storedWith("2024-01-01T00:00:00Z", "100", "erp-1", Map.of("k", "v"));

        BatchWriteResult result = write(null,
                item(BatchOperation.CREATE, "2024-02-01T00:00:00Z", "150"),
                BatchItem.delete(meter.id(), counter.id(), null, at("2024-01-01T00:00:00Z"), null, null),
                item(BatchOperation.CREATE, "2024-03-01T00:00:00Z", "170"));

        assertThat(result.items()).extracting(BatchItemResult::index).containsExactly(0, 1, 2);
        assertThat(result.items()).extracting(BatchItemResult::kind).containsExactly(BatchItemResult.Kind.WRITTEN,
                BatchItemResult.Kind.DELETED, BatchItemResult.Kind.WRITTEN);
        Reading deleted = result.items().get(1).reading();
        assertThat(deleted.externalId()).isEqualTo("erp-1");
        assertThat(deleted.metadata()).containsEntry("k", "v");
        assertThat(w.values(counter)).containsExactly("150", "170");
    }

    @Test
    void externalIdIdentifiersReplaceAndMoveTheMatchedReading() {
        storedWith("2024-01-01T00:00:00Z", "100", "erp-1", Map.of());
        storedWith("2024-03-01T00:00:00Z", "300", "erp-3", Map.of());

        write(BY_EXTERNAL_ID, item(BatchOperation.CREATE, "2024-02-01T00:00:00Z", "200", "erp-1", Map.of(), ReadingSource.ERP));

        assertThat(w.readings(counter)).extracting(Reading::timestamp, Reading::externalId).containsExactly(
                tuple(at("2024-02-01T00:00:00Z"), "erp-1"),
                tuple(at("2024-03-01T00:00:00Z"), "erp-3"));

        // an update without timestamp keeps the matched reading's instant
        write(BY_EXTERNAL_ID, item(BatchOperation.UPDATE, null, "250", "erp-1", Map.of(), ReadingSource.ERP));
        assertThat(w.values(counter)).containsExactly("250", "300");
        assertThat(w.readings(counter).get(0).timestamp()).isEqualTo(at("2024-02-01T00:00:00Z"));
    }

    @Test
    void metadataIdentifiersSelectByEveryNamedKey() {
        ReadingIdentifiers ids = ReadingIdentifiers.byMetadata("registration_id", "business_unit");
        storedWith("2024-01-01T00:00:00Z", "100", null, Map.of("registration_id", "r1", "business_unit", "A"));
        storedWith("2024-02-01T00:00:00Z", "200", null, Map.of("registration_id", "r1", "business_unit", "B"));

        BatchWriteResult result = write(ids, BatchItem.delete(null, null, null, null, null,
                Map.of("registration_id", "r1", "business_unit", "B")));

        assertThat(result.items().get(0).reading().value()).isEqualByComparingTo("200");
        assertThat(w.values(counter)).containsExactly("100");
    }

    @Test
    void moreThanOneMatchIsRefusedForEveryOperation() {
        storedWith("2024-01-01T00:00:00Z", "100", "dup", Map.of());
        storedWith("2024-02-01T00:00:00Z", "200", "dup", Map.of());

        for (BatchOperation op : BatchOperation.values()) {
            BatchItem item = op == BatchOperation.DELETE ? BatchItem.delete(null, null, null, null, "dup", null)
                    : item(op, "2024-03-01T00:00:00Z", "300", "dup", Map.of(), ReadingSource.ERP);
            assertRejected(() -> write(BY_EXTERNAL_ID, item), RejectionReason.MULTIPLE_READINGS_FOUND, "readings[0]");
        }
        assertThat(w.values(counter)).containsExactly("100", "200");
    }

    /** Two new readings with one external id would leave every later write of that id ambiguous (multiple_readings_found). */
    @Test
    void twoItemsThatOnesIdentifiersWouldBothSelectAreRefused() {
        storedWith("2024-01-01T00:00:00Z", "100", "erp-1", Map.of());

        assertRejected(() -> write(BY_EXTERNAL_ID,
                item(BatchOperation.CREATE, "2024-02-01T00:00:00Z", "200", "x1", Map.of(), ReadingSource.ERP),
                item(BatchOperation.CREATE, "2024-03-01T00:00:00Z", "300", "x1", Map.of(), ReadingSource.ERP)),
                RejectionReason.DUPLICATE_READING, "readings[0] and readings[1]");
        assertRejected(() -> write(ReadingIdentifiers.byMetadata("registration_id"),
                item(BatchOperation.CREATE, "2024-02-01T00:00:00Z", "200", null, Map.of("registration_id", "r1"), ReadingSource.ERP),
                item(BatchOperation.CREATE, "2024-03-01T00:00:00Z", "300", null, Map.of("registration_id", "r1", "x", "y"),
                        ReadingSource.ERP)),
                RejectionReason.DUPLICATE_READING, "readings[0] and readings[1]");
        assertThat(w.values(counter)).as("nothing written").containsExactly("100");

        write(BY_EXTERNAL_ID,
                item(BatchOperation.CREATE, "2024-02-01T00:00:00Z", "200", "x1", Map.of(), ReadingSource.ERP),
                item(BatchOperation.CREATE, "2024-03-01T00:00:00Z", "300", "x2", Map.of(), ReadingSource.ERP));
        assertThat(w.readings(counter)).extracting(Reading::externalId).containsExactly("erp-1", "x1", "x2");
    }

    @Test
    void itemsMustCarryWhatTheyNeed() {
        assertRejected(() -> write(BY_EXTERNAL_ID, BatchItem.delete(meter.id(), null, null, null, null, null)),
                RejectionReason.MISSING_PARAMS, "external_id");
        assertRejected(() -> write(null, item(BatchOperation.CREATE, "2024-01-01T00:00:00Z", null)),
                RejectionReason.MISSING_PARAMS, "value");
        assertRejected(() -> write(null, BatchItem.delete(meter.id(), counter.id(), null, null, null, null)),
                RejectionReason.MISSING_PARAMS, "timestamp");
        assertRejected(() -> write(ReadingIdentifiers.byMetadata("k"),
                item(BatchOperation.CREATE, "2024-01-01T00:00:00Z", "1", null, Map.of("other", "x"), ReadingSource.ERP)),
                RejectionReason.MISSING_PARAMS, "metadata.k");
    }

    @Test
    void moreThanOneHundredItemsAreTooMany() {
        List<BatchItem> items = new ArrayList<>(Collections.nCopies(101, item(BatchOperation.CREATE, "2024-01-01T00:00:00Z", "1")));
        assertRejected(() -> service.write(new BatchWriteCommand(w.admin, items, null, null)), RejectionReason.TOO_MANY_RECORDS, "101");
    }

    @Test
    void aRejectedItemRejectsTheWholeBatch() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        w.stored(counter, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "200");

        assertRejected(() -> write(null,
                BatchItem.delete(meter.id(), counter.id(), null, at("2024-01-01T00:00:00Z"), null, null),
                item(BatchOperation.CREATE, "2024-03-01T00:00:00Z", "300"),
                item(BatchOperation.CREATE, "2024-04-01T00:00:00Z", "250")), RejectionReason.LESS_THAN_PREVIOUS, "readings[2]");

        assertThat(w.values(counter)).containsExactly("100", "200");
    }

    @Test
    void itemsAreValidatedTogetherAgainstNeighboursWithoutTheRemovedReadings() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        w.stored(counter, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "500");
        w.stored(counter, Direction.FEED_OUT, "2024-03-01T00:00:00Z", "200");

        // 150 on Feb 10 is only in order once the 500 of Feb 1 is gone
        write(null, BatchItem.delete(meter.id(), counter.id(), null, at("2024-02-01T00:00:00Z"), null, null),
                item(BatchOperation.CREATE, "2024-02-10T00:00:00Z", "150"));

        assertThat(w.values(counter)).containsExactly("100", "150", "200");
    }

    @Test
    void aWriteMayNotLandOnAStoredReadingTheIdentifiersDidNotSelect() {
        storedWith("2024-01-01T00:00:00Z", "100", "erp-other", Map.of());

        assertRejected(() -> write(BY_EXTERNAL_ID,
                item(BatchOperation.CREATE, "2024-01-01T00:00:00Z", "100", "erp-new", Map.of(), ReadingSource.ERP)),
                RejectionReason.DUPLICATE_READING, "readings[0]");
        assertThat(w.readings(counter)).extracting(Reading::externalId).containsExactly("erp-other");
    }

    @Test
    void twoItemsMayNotAddressTheSameStoredReading() {
        storedWith("2024-01-01T00:00:00Z", "100", "erp-1", Map.of());

        assertRejected(() -> write(BY_EXTERNAL_ID,
                item(BatchOperation.UPDATE, null, "110", "erp-1", Map.of(), ReadingSource.ERP),
                BatchItem.delete(null, null, null, null, "erp-1", null)), RejectionReason.DUPLICATE_READING, "readings[0] and readings[1]");
    }

    @Test
    void skipValidationStoresOutOfOrderValues() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");

        write(null, new WriteOptions(true, false), item(BatchOperation.CREATE, "2024-02-01T00:00:00Z", "50"));

        assertThat(w.values(counter)).containsExactly("100", "50");
    }

    @Test
    void deletingASegmentStartMustNotLeaveTheSeriesOutOfOrder() {
        w.stored(counter, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "500");
        Reading change = ServiceWorld.reading(counter, Direction.FEED_OUT, "2024-02-01T00:00:00Z", "10");
        w.stored(new Reading(change.meterId(), change.counterId(), change.direction(), change.timestamp(), change.value(),
                change.source(), ReadingReason.METER_ADJUSTMENT, null, null, null, null, null, null, null));
        w.stored(counter, Direction.FEED_OUT, "2024-03-01T00:00:00Z", "20");
        BatchItem delete = BatchItem.delete(meter.id(), counter.id(), null, at("2024-02-01T00:00:00Z"), null, null);

        assertRejected(() -> write(null, item(BatchOperation.CREATE, "2024-04-01T00:00:00Z", "30"), delete),
                RejectionReason.LESS_THAN_PREVIOUS, "readings[1]");
        assertThat(w.values(counter)).containsExactly("500", "10", "20");

        write(null, new WriteOptions(true, false), delete);
        assertThat(w.values(counter)).containsExactly("500", "20");
    }

    @Test
    void anUnknownMeterIsNotFoundAndAMeterWithSeveralCountersNeedsACounter() {
        BatchItem unknown = new BatchItem(null, MeterId.random(), null, null, at("2024-01-01T00:00:00Z"), dec("1"),
                ReadingSource.APP_360, null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> write(null, unknown)).isInstanceOf(NotFoundException.class).hasMessageContaining("readings[0]");

        w.feedOutCounter(meter);
        BatchItem noCounter = new BatchItem(null, meter.id(), null, null, at("2024-01-01T00:00:00Z"), dec("1"),
                ReadingSource.APP_360, null, null, null, null, null, null, null, null);
        assertRejected(() -> write(null, noCounter), RejectionReason.NO_COUNTER, "readings[0]");
    }

    @Test
    void governedMetersTurnNonDirectWritesIntoChangesetsAndApplyDeletes() {
        Meter governed = w.governedMeter();
        Counter c = w.feedOutCounter(governed);
        w.stored(c, Direction.FEED_OUT, "2024-01-01T00:00:00Z", "100");
        BatchItem proposal = new BatchItem(null, governed.id(), c.id(), null, at("2024-02-01T00:00:00Z"), dec("150"),
                ReadingSource.APP_360, null, null, null, null, null, null, null, null);

        BatchWriteResult result = write(null, proposal);
        assertThat(result.items().get(0).kind()).isEqualTo(BatchItemResult.Kind.PENDING);
        assertThat(result.items().get(0).pending().proposed().value()).isEqualByComparingTo("150");
        assertThat(w.values(c)).containsExactly("100");

        write(null, new WriteOptions(false, true), proposal);
        assertThat(w.values(c)).containsExactly("100", "150");
        assertThat(w.changesets(c)).isEmpty();

        write(null, BatchItem.delete(governed.id(), c.id(), null, at("2024-02-01T00:00:00Z"), null, null));
        assertThat(w.values(c)).containsExactly("100");
    }

    @Test
    void portalUsersMayNotBatchWrite() {
        assertThatThrownBy(() -> service.write(new BatchWriteCommand(w.portal,
                List.of(item(BatchOperation.CREATE, "2024-01-01T00:00:00Z", "1")), null, null)))
                .isInstanceOf(ForbiddenException.class);
    }
}
