package io.metering.bootstrap.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.adapters.http.auth.JwtSettings;
import io.metering.bootstrap.BuildInfo;
import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory made by another PostgreSQL major version than the bundled one is refused before
 * anything touches it, with the way forward in the message; the bundled version and a new
 * directory pass.
 */
class PostgresDataVersionTest {
    @TempDir
    Path dir;

    @Test
    void theServiceRefusesADataDirectoryOfAnotherMajorVersionAndLeavesItAsItWas() throws IOException {
        Path pgData = Files.createDirectories(dir.resolve("pgdata"));
        Files.writeString(pgData.resolve("PG_VERSION"), "16\n");
        Files.writeString(pgData.resolve("postgresql.conf"), "# made by PostgreSQL 16\n");
        Map<String, String> before = snapshot(dir);
        Configuration config = Configuration.from(Map.of("METERING_DATA_DIR", dir.toString(),
                "METERING_JWT_SECRET", "data-version-test-secret-of-32-bytes-or-more"));
        JwtAuthenticator authenticator = new JwtAuthenticator(JwtSettings.of("data-version-test-secret-of-32-bytes-or-more", null, null),
                Clock.systemUTC());

        assertThatThrownBy(() -> MeteringServer.start(config, Clock.systemUTC(), authenticator))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("holds a PostgreSQL 16 database")
                .hasMessageContaining("bundles PostgreSQL " + BuildInfo.current().postgresMajor())
                .hasMessageContaining("Nothing was changed")
                .hasMessageContaining("metering backup --to FILE").hasMessageContaining("metering restore --from FILE");
        assertThat(snapshot(dir)).as("the directory is untouched").isEqualTo(before);
    }

    @Test
    void theBundledVersionAndANewDirectoryPass() throws IOException {
        assertThatCode(() -> PostgresDataVersion.requireBundled(dir, "17")).as("nothing there yet").doesNotThrowAnyException();
        Files.createDirectories(dir.resolve("pgdata"));
        Files.writeString(dir.resolve("pgdata/PG_VERSION"), "17\n");
        assertThatCode(() -> PostgresDataVersion.requireBundled(dir, "17")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PostgresDataVersion.requireBundled(dir, "18")).isInstanceOf(EmbeddedDatabaseException.class);
    }

    @Test
    void theBundledMajorVersionIsTheBinariesOne() {
        assertThat(BuildInfo.current().postgresMajor()).matches("\\d+").isEqualTo(BuildInfo.current().postgresVersion().split("\\.")[0]);
    }

    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                files.put(root.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "(directory)");
            }
        }
        return files;
    }
}
