package io.metering.application.service.submission;

import io.metering.application.service.TestServices;
import io.metering.application.service.ServiceWorld;
import io.metering.application.service.write.PlausibilityProvider;
import static io.metering.application.service.ServiceWorld.at;
import static io.metering.application.service.ServiceWorld.dec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.in.submission.SubmissionCounterReading;
import io.metering.application.port.in.submission.SubmissionMeterReading;
import io.metering.application.port.in.submission.SubmissionMeterType;
import io.metering.application.port.in.submission.SubmissionReadingsCommand;
import io.metering.domain.counter.Counter;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.ForbiddenException;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionReadingsServiceTest {
    private static final String DAY = "2024-05-01T08:00:00Z";

    private final ServiceWorld w = new ServiceWorld();
    private final SubmissionReadingsService service = TestServices.submissionReadingsService(w.ctx, PlausibilityProvider.NONE);

    private static SubmissionMeterReading entry(Meter m, SubmissionMeterType type, String reading, String feedIn, String feedOut,
            String ht, String nt, String obis) {
        return new SubmissionMeterReading(m.id(), null, d(reading), at(DAY), "Jane", ReadingReason.REGULAR, null, obis, "kWh", type, d(feedIn),
                d(feedOut), d(ht), d(nt));
    }

    private static BigDecimal d(String v) {
        return v == null ? null : dec(v);
    }

    private RecordResult submit(SubmissionMeterReading... entries) {
        return service.record(new SubmissionReadingsCommand(w.admin, null, null, Arrays.asList(entries), null));
    }

    @Test
    void oneTariffPutsTheReadingValueOnTheSingleCounter() {
        Meter m = w.meter();
        Counter c = w.feedOutCounter(m);

        RecordResult result = submit(entry(m, SubmissionMeterType.ONE_TARIFF, "120.5", null, null, null, null, null));

        Reading r = result.written().get(0);
        assertThat(r.counterId()).isEqualTo(c.id());
        assertThat(r.value()).isEqualByComparingTo("120.5");
        assertThat(r.source()).isEqualTo(ReadingSource.JOURNEY_SUBMISSION);
        assertThat(r.readBy()).isEqualTo("Jane");
        assertThat(r.unit()).isEqualTo("kWh");
        assertThat(r.timestamp()).isEqualTo(at(DAY));
    }

    @Test
    void oneTariffIsTheDefaultAndUsesTheObisNumberAmongSeveralCounters() {
        Meter m = w.meter();
        w.counter(m, b -> b.obisNumber("1-0:1.8.1"));
        Counter total = w.counter(m, b -> b.obisNumber("1-0:1.8.0"));

        submit(entry(m, null, "50", null, null, null, null, "1.8.0"));
        assertThat(w.values(total)).containsExactly("50");

        assertThatThrownBy(() -> submit(entry(m, null, "60", null, null, null, null, null)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("meterReadings[0].readingValue")
                .extracting("reason").isEqualTo(RejectionReason.NO_COUNTER);
    }

    @Test
    void oneTariffFallsBackToTheFeedInValue() {
        Meter m = w.meter(b -> b.sector(Sector.POWER));
        Counter c = w.counter(m, b -> b.obisNumber("A-34"));

        Reading r = submit(entry(m, SubmissionMeterType.ONE_TARIFF, null, "33", null, null, null, null)).written().get(0);

        assertThat(r.counterId()).isEqualTo(c.id());
        assertThat(r.direction()).isEqualTo(Direction.FEED_IN);
    }

    @Test
    void twoTariffPutsHtAndNtOnTheCountersOfThatTariff() {
        Meter m = w.meter();
        Counter ht = w.counter(m, b -> b.obisNumber("1-0:1.8.1"));
        Counter nt = w.counter(m, b -> b.obisNumber("X-2").direction(Direction.FEED_OUT).tariffType(TariffType.NT));

        RecordResult result = submit(entry(m, SubmissionMeterType.TWO_TARIFF, null, null, null, "1000", "400", null));

        assertThat(result.written()).hasSize(2);
        assertThat(w.values(ht)).containsExactly("1000");
        assertThat(w.values(nt)).containsExactly("400");
    }

    @Test
    void biDirectionalPutsFeedInAndFeedOutOnTheCountersOfThatDirection() {
        Meter m = w.meter();
        Counter out = w.counter(m, b -> b.obisNumber("1-0:1.8.0"));
        w.counter(m, b -> b.obisNumber("1-0:1.8.1"));
        Counter in = w.counter(m, b -> b.obisNumber("X").direction(Direction.FEED_IN));

        submit(entry(m, SubmissionMeterType.BI_DIRECTIONAL, null, "12", "345", null, null, null));

        assertThat(w.readings(in)).extracting(Reading::direction, r -> r.value().toPlainString())
                .containsExactly(tuple(Direction.FEED_IN, "12"));
        assertThat(w.values(out)).containsExactly("345");
    }

    @Test
    void explicitReadingsWinOverTypedValues() {
        Meter m = w.meter();
        Counter a = w.counter(m, b -> b.obisNumber("A-34"));
        Counter ht = w.counter(m, b -> b.obisNumber("1-0:1.8.1"));
        SubmissionMeterReading e = new SubmissionMeterReading(m.id(),
                List.of(new SubmissionCounterReading(a.id(), Direction.FEED_IN, dec("9"), "Wh")), null, at(DAY), null, null, null,
                null, "kWh", SubmissionMeterType.TWO_TARIFF, null, null, dec("1000"), null);

        submit(e);

        assertThat(w.readings(a)).singleElement().satisfies(r -> {
            assertThat(r.direction()).isEqualTo(Direction.FEED_IN);
            assertThat(r.unit()).isEqualTo("Wh");
        });
        assertThat(w.readings(ht)).isEmpty();
    }

    @Test
    void allReadingsOfTheSubmissionAreOneAllOrNothingWrite() {
        Meter m = w.meter();
        Counter ht = w.counter(m, b -> b.obisNumber("1-0:1.8.1"));
        Counter nt = w.counter(m, b -> b.obisNumber("1-0:1.8.2"));
        w.stored(nt, Direction.FEED_OUT, "2024-04-01T00:00:00Z", "500");

        assertThatThrownBy(() -> submit(entry(m, SubmissionMeterType.TWO_TARIFF, null, null, null, "1000", "400", null)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("meterReadings[0].ntValue")
                .extracting("reason").isEqualTo(RejectionReason.LESS_THAN_PREVIOUS);
        assertThat(w.readings(ht)).isEmpty();
    }

    @Test
    void theWriteRulesNameTheSubmittedValue() {
        Meter m = w.meter();
        Counter c = w.feedOutCounter(m);
        w.stored(c, Direction.FEED_OUT, "2024-05-10T00:00:00Z", "100");

        assertThatThrownBy(() -> submit(entry(m, null, "200", null, null, null, null, null)))
                .hasMessageStartingWith("meterReadings[0].readingValue").extracting("reason")
                .isEqualTo(RejectionReason.GREATER_THAN_SUBSEQUENT);
        SubmissionMeterReading future = new SubmissionMeterReading(m.id(), null, dec("300"), at("2024-07-01T00:00:00Z"), null, null,
                null, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> submit(future)).extracting("reason").isEqualTo(RejectionReason.TIMESTAMP_FUTURE);
    }

    @Test
    void nullEntriesAndEmptyValuesAreSkippedAndTheDateDefaultsToNow() {
        Meter m = w.meter();
        Counter c = w.feedOutCounter(m);
        SubmissionMeterReading noDate = new SubmissionMeterReading(m.id(), null, dec("5"), null, null, null, null, null, null, null,
                null, null, null, null);

        RecordResult result = submit(null, entry(m, null, null, null, null, null, null, null), noDate);

        assertThat(result.written()).singleElement().extracting(Reading::timestamp).isEqualTo(ServiceWorld.NOW);
        assertThat(w.values(c)).containsExactly("5");
        // a submission of nothing writes nothing and says so (docs/domain.md#journey-submissions)
        assertThatThrownBy(() -> submit()).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.reason()).isEqualTo(RejectionReason.MISSING_PARAMS));
        assertThatThrownBy(() -> submit(null, entry(m, null, null, null, null, null, null, null)))
                .hasMessageStartingWith("meterReadings[0] is null and no later entry holds one either");
        assertThat(w.values(c)).containsExactly("5");
    }

    @Test
    void anUnknownMeterIsNotFound() {
        SubmissionMeterReading e = new SubmissionMeterReading(MeterId.random(), null, dec("1"), null, null, null, null, null, null,
                null, null, null, null, null);
        assertThatThrownBy(() -> submit(null, e)).isInstanceOf(NotFoundException.class).hasMessageContaining("meterReadings[1]");
    }

    @Test
    void anotherOrganizationInThePayloadIsForbidden() {
        Meter m = w.meter();
        w.feedOutCounter(m);
        List<SubmissionMeterReading> entries = List.of(entry(m, null, "1", null, null, null, null, null));

        assertThatThrownBy(() -> service.record(new SubmissionReadingsCommand(w.admin, ServiceWorld.OTHER_ORG.value(), null, entries, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.record(new SubmissionReadingsCommand(w.admin, null, ServiceWorld.OTHER_ORG.value(), entries, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(service.record(new SubmissionReadingsCommand(w.admin, ServiceWorld.ORG.value(), ServiceWorld.ORG.value(), entries, null)).written()).hasSize(1);
    }

    @Test
    void governedMetersGetChangesets() {
        Meter m = w.governedMeter();
        Counter c = w.feedOutCounter(m);

        RecordResult result = submit(entry(m, null, "42", null, null, null, null, null));

        assertThat(result.written()).isEmpty();
        assertThat(result.pending()).singleElement().satisfies(cs -> {
            assertThat(cs.proposed().value()).isEqualByComparingTo("42");
            assertThat(cs.source()).isEqualTo(ReadingSource.JOURNEY_SUBMISSION);
        });
        assertThat(w.readings(c)).isEmpty();
    }

    @Test
    void portalUsersMayNotSubmit() {
        assertThatThrownBy(() -> service.record(new SubmissionReadingsCommand(w.portal, null, null, List.of(), null)))
                .isInstanceOf(ForbiddenException.class);
    }
}
