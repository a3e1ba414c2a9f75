package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.adapters.http.web.CorrelationIds;
import io.metering.application.access.Caller;
import io.metering.application.port.in.meter.CounterView;
import io.metering.application.port.in.meter.MeterView;
import io.metering.application.port.in.UseCases;
import io.metering.application.port.in.meter.ViewMetersQuery;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.testing.Http.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A use case failing unexpectedly answers 500 with a correlation id and hides the cause. */
class UnexpectedFailureTest {
    @RegisterExtension
    static final TestApp t = new TestApp(u -> new UseCases(u.recordReadings(), u.listReadings(), new BrokenViews(), u.manageMeters(), u.manageCounters(),
                u.updateReading(), u.deleteReading(), u.batchWrite(), u.prune(), u.submissions(), u.readingWithMeter(),
                u.allowedReadings(), u.changesets(), u.consumption(), u.queues()));

    @Test
    void answers500WithTheRequestsCorrelationId() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(t.url("/v1/metering/meter/" + UUID.randomUUID())))
                .header("Authorization", "Bearer " + t.adminToken())
                .header(CorrelationIds.HEADER, "trace-42")
                .GET().build();

        Reply r = t.send(request);

        assertReason(r, 500, "internal_error");
        assertThat(r.json().get("correlation_id").asText()).isEqualTo("trace-42");
        assertThat(r.header(CorrelationIds.HEADER)).isEqualTo("trace-42");
        assertThat(r.body()).doesNotContain("database on fire");
    }

    @Test
    void generatesACorrelationIdWhenTheClientSentNoneOrAnUnsafeOne() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(t.url("/v1/metering/counter/" + UUID.randomUUID())))
                .header("Authorization", "Bearer " + t.adminToken())
                .header(CorrelationIds.HEADER, "<script>")
                .GET().build();

        Reply r = t.send(request);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("correlation_id").asText()).isNotEqualTo("<script>").matches("[0-9a-f-]{36}");
    }

    private static final class BrokenViews implements ViewMetersQuery {
        @Override
        public List<MeterView> customerMeters(Caller caller, boolean includePendingChangesets) {
            throw new IllegalStateException("database on fire");
        }

        @Override
        public List<MeterView> metersByContract(Caller caller, String contractId) {
            throw new IllegalStateException("database on fire");
        }

        @Override
        public MeterView meter(Caller caller, MeterId id) {
            throw new IllegalStateException("database on fire");
        }

        @Override
        public List<CounterView> counters(Caller caller, MeterId meterId, LocalDate forecastDate) {
            throw new IllegalStateException("database on fire");
        }

        @Override
        public CounterView counter(Caller caller, CounterId counterId, LocalDate forecastDate) {
            throw new IllegalStateException("database on fire");
        }
    }
}
