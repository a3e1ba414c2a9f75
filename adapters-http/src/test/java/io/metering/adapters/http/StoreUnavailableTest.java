package io.metering.adapters.http;

import static io.metering.adapters.http.ReadingRoutesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.RecordReadingsUseCase;
import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.in.UseCases;
import io.metering.application.port.out.StoreUnavailableException;
import io.metering.testing.Http.Reply;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A store that cannot be reached answers 503 with a retry hint, never 500, and leaks no cause. */
class StoreUnavailableTest {
    @RegisterExtension
    static final TestApp t = new TestApp(u -> new UseCases(new Unreachable(), u.listReadings(), u.viewMeters(), u.manageMeters(), u.manageCounters(),
                u.updateReading(), u.deleteReading(), u.batchWrite(), u.prune(), u.submissions(), u.readingWithMeter(),
                u.allowedReadings(), u.changesets(), u.consumption(), u.queues()));

    @Test
    void answers503WithRetryAfter() {
        Reply r = t.post("/v1/metering/reading", t.adminToken(), "{\"meter_id\":\"" + UUID.randomUUID() + "\",\"value\":1,"
                + "\"source\":\"ERP\"}");

        assertReason(r, 503, "service_unavailable");
        assertThat(r.header("Retry-After")).isEqualTo("5");
        assertThat(r.body()).doesNotContain("Connection refused").doesNotContain("correlation_id");
    }

    private static final class Unreachable implements RecordReadingsUseCase {
        @Override
        public RecordResult record(RecordReadingsCommand command) {
            throw new StoreUnavailableException("the database is unavailable: Connection refused",
                    new SQLException("Connection refused", "08001"));
        }
    }
}
