package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.metering.bootstrap.db.Postmasters;
import io.metering.testing.FreePorts;
import io.metering.testing.Http;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the service (JVM and embedded PostgreSQL, as a container kill does) in the middle of
 * an import over HTTP (docs/import-export.md "Imports over HTTP"): after the restart none of the
 * file's rows is stored (the import is one transaction) and the job shows as failed, interrupted,
 * never running forever.
 */
class KilledImportJobIT {
    private static final String ORG = "killed-import-org";
    private static final int COUNTERS = 20;
    private static final int HOURS = 20_000;

    @TempDir
    Path dir;

    @Test
    void aKilledImportStoresNothingAndItsJobFailsAfterTheRestart() throws IOException, SQLException {
        Path dataDir = dir.resolve("data");
        int httpPort = FreePorts.free();
        int dbPort = FreePorts.free();
        String admin = Tokens.admin(ORG);
        ServiceProcess service = ServiceProcess.start(dataDir, httpPort, dbPort, "start");
        try {
            Seeder seed = new Seeder(service.http(), admin);
            List<String> counters = new ArrayList<>();
            for (int i = 0; i < COUNTERS; i++) {
                String meter = seed.meter("{\"sector\":\"water\",\"meter_number\":\"K-" + i + "\"}");
                counters.add(seed.counter(meter, "{\"obis_number\":\"8-0:1.0.0\",\"direction\":\"feed-out\"}"));
            }
            Path csv = dir.resolve("big.csv");
            Instant base = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(HOURS + 24, ChronoUnit.HOURS);
            try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write("meter_number,obis_number,timestamp,value\n");
                for (int h = 0; h < HOURS; h++) {
                    for (int c = 0; c < COUNTERS; c++) {
                        out.write("K-" + c + ",8-0:1.0.0," + base.plus(h, ChronoUnit.HOURS) + "," + h + "\n");
                    }
                }
            }
            Http.Reply accepted = service.http().send(HttpRequest.newBuilder(URI.create(service.http().base() + "/v1/metering/admin/imports"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).timeout(Duration.ofMinutes(2)).build());
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            String job = accepted.json().at("/data/id").asText();

            // kill once a good part of the file is written into the import's open transaction
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            JsonNode progress;
            do {
                ServiceProcess.pause(20);
                progress = service.http().get("/v1/metering/admin/imports/" + job, admin).json().get("data");
                assertThat(progress.get("status").asText()).as("still importing when killed: %s", progress).isIn("queued", "running");
                assertThat(System.nanoTime()).isLessThan(deadline);
            } while (progress.get("rows_stored").asLong() < 60_000);
            service.sigkill();
            Postmasters.kill(service.pgData());

            ServiceProcess restarted = ServiceProcess.start(dataDir, httpPort, dbPort, "restart");
            service.close();
            service = restarted;

            JsonNode after = service.http().get("/v1/metering/admin/imports/" + job, admin).json().get("data");
            assertThat(after.get("status").asText()).isEqualTo("failed");
            assertThat(after.at("/refusals/0/reason").asText()).isEqualTo("interrupted");
            assertThat(service.log()).contains("marked failed");
            try (Connection c = service.database().connect();
                    PreparedStatement s = c.prepareStatement("SELECT count(*) FROM reading WHERE org_id = ?")) {
                s.setString(1, ORG);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("none of the killed file's rows").isZero();
                }
            }
        } finally {
            service.close();
        }
    }
}
