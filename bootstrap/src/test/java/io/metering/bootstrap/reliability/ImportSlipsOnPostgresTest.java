package io.metering.bootstrap.reliability;

import io.metering.application.model.ImportCommit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.application.access.Caller;
import io.metering.application.port.in.imports.ImportProgress;
import io.metering.application.port.in.imports.ImportReadingsCommand;
import io.metering.application.port.in.imports.ImportReport;
import io.metering.application.model.ReadingInput;
import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk import on the embedded PostgreSQL demotes a slip a later reading shows, whether the
 * slip was written by the import itself (still on its way to the store through COPY) or stored
 * before it, and counts it among the implausible readings it reports
 * (docs/domain.md#a-slip-shown-by-a-later-reading).
 */
class ImportSlipsOnPostgresTest {
    private static final String ORG = "import-slips";
    @TempDir
    static Path dataDir;
    private static InProcessService service;
    private static Seeder seed;

    @BeforeAll
    static void start() {
        service = InProcessService.start(dataDir, Map.of());
        seed = new Seeder(service.http(), Tokens.admin(ORG));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    private static ReadingInput in(String meter, String counter, String instant, String value) {
        return new ReadingInput(new MeterId(UUID.fromString(meter)), new CounterId(UUID.fromString(counter)), null, Instant.parse(instant),
                new BigDecimal(value), ReadingSource.ERP, null, null, null, null, null, null, null, null);
    }

    private static ImportReport importReadings(List<ReadingInput> inputs, int chunkSize) {
        return service.server().importer().importReadings(new ImportReadingsCommand(Caller.admin(new OrganizationId(ORG), "test"),
                inputs.iterator(), chunkSize, ImportCommit.FILE, true), ImportProgress.NONE);
    }

    private static List<String> statuses(String meter, String counter) {
        JsonNode page = service.http().get("/v1/metering/reading/" + meter + "/" + counter + "?start_date=2024-01-01&end_date=2024-12-31&size=-1",
                Tokens.admin(ORG)).json();
        List<String> out = new ArrayList<>();
        page.get("results").forEach(r -> out.add(r.get("value").asText() + (r.path("status").asText().isEmpty() ? "" : " " + r.get("status").asText())));
        return out;
    }

    @Test
    void aSlipTheImportWroteItselfIsDemotedByTheGenuineReadingInALaterChunk() {
        String meter = seed.meter("water", "c-1");
        String counter = seed.counter(meter, "{\"obis_number\":\"8-0:1.0.0\"}");

        ImportReport report = importReadings(List.of(in(meter, counter, "2024-06-01T08:00:00Z", "1250500"),
                in(meter, counter, "2024-06-02T08:00:00Z", "1262.1"), in(meter, counter, "2024-06-03T08:00:00Z", "1270")), 1);

        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.implausible()).isEqualTo(1);
        assertThat(statuses(meter, counter)).containsExactly("1250500 implausible", "1262.1", "1270");
    }

    @Test
    void aStoredSlipIsDemotedByTheImportsGenuineReading() {
        String meter = seed.meter("water", "c-2");
        String counter = seed.counter(meter, "{\"obis_number\":\"8-0:1.0.0\"}");
        importReadings(List.of(in(meter, counter, "2024-06-01T08:00:00Z", "1250500")), 10);

        ImportReport report = importReadings(List.of(in(meter, counter, "2024-06-02T08:00:00Z", "1262.1")), 10);

        assertThat(report.implausible()).isEqualTo(1);
        assertThat(statuses(meter, counter)).containsExactly("1250500 implausible", "1262.1");
    }
}
