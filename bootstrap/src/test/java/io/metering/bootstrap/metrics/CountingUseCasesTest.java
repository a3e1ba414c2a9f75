package io.metering.bootstrap.metrics;

import io.metering.application.model.ImportCommit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.access.Caller;
import io.metering.application.port.in.imports.ImportReadingsCommand;
import io.metering.application.port.in.imports.ImportReadingsUseCase;
import io.metering.application.port.in.imports.ImportReport;
import io.metering.application.model.ReadingInput;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.tenant.OrganizationId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Bulk imports are counted: running while they run, rows once stored, a refusal by its reason. */
class CountingUseCasesTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProductMetrics metrics = new ProductMetrics(registry);

    @Test
    void anImportIsRunningWhileItRunsAndItsRowsAreCounted() {
        AtomicReference<Double> runningDuring = new AtomicReference<>();
        ImportReadingsUseCase importer = CountingUseCases.wrap((command, progress) -> {
            runningDuring.set(registry.get("metering.imports.running").gauge().value());
            return new ImportReport(1234, 1, 0);
        }, metrics);

        importer.importReadings(command(), (rows, committed) -> { });

        assertThat(runningDuring.get()).isEqualTo(1);
        assertThat(registry.get("metering.imports.running").gauge().value()).isZero();
        assertThat(registry.get("metering.import.rows").counter().count()).isEqualTo(1234);
        assertThat(registry.get("metering.readings.written").counter().count()).isEqualTo(1234);
    }

    @Test
    void aRefusedImportIsCountedByReasonAndEndsRunning() {
        ImportReadingsUseCase importer = CountingUseCases.wrap((command, progress) -> {
            throw new InvalidRequestException(RejectionReason.LESS_THAN_PREVIOUS, "readings[7]: below the previous reading");
        }, metrics);

        assertThatThrownBy(() -> importer.importReadings(command(), (rows, committed) -> { })).isInstanceOf(InvalidRequestException.class);

        assertThat(registry.get("metering.readings.refused").tag("reason", "less_than_previous").counter().count()).isEqualTo(1);
        assertThat(registry.get("metering.imports.running").gauge().value()).isZero();
        assertThat(registry.get("metering.import.rows").counter().count()).isZero();
    }

    private static ImportReadingsCommand command() {
        return new ImportReadingsCommand(Caller.admin(new OrganizationId("org"), "test"), List.<ReadingInput>of().iterator(),
                100, ImportCommit.FILE, true);
    }
}
