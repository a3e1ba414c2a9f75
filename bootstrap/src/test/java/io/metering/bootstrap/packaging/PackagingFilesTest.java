package io.metering.bootstrap.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container recipe and the systemd unit in {@code packaging/}, checked for their structure (no
 * Docker engine runs where the tests run; {@code packaging/deb/test} verifies the unit with
 * {@code systemd-analyze} where systemd is installed): pinned images, an unprivileged user (the
 * embedded PostgreSQL refuses root), the jar Maven builds, the health probe, exec-form commands,
 * and only settings the service reads.
 */
class PackagingFilesTest {
    private static final Path PACKAGING = Path.of("..", "packaging");

    @Test
    void theDockerfileRunsTheBuiltJarUnprivilegedWithAHealthCheck() throws IOException {
        List<String> lines = instructions(PACKAGING.resolve("docker/Dockerfile"));
        assertThat(lines.get(0)).as("a pinned base image").matches("FROM [a-z0-9./-]+:[0-9][^ ]*").doesNotContain(":latest");
        int user = indexOf(lines, "USER ");
        assertThat(user).as("USER before the entry point").isPositive().isLessThan(indexOf(lines, "ENTRYPOINT "));
        assertThat(lines.get(user)).isNotIn("USER root", "USER 0");
        assertThat(lines).anyMatch(l -> l.startsWith("COPY") && l.contains("bootstrap/target/metering.jar "))
                .contains("EXPOSE 8080")
                .anyMatch(l -> l.startsWith("HEALTHCHECK") && l.contains("/health"));
        for (String exec : List.of("ENTRYPOINT ", "CMD [")) {
            String line = lines.get(indexOf(lines, exec));
            JsonNode form = new ObjectMapper().readTree(line.substring(line.indexOf('[')));
            assertThat(form.isArray()).as("exec form: %s", line).isTrue();
        }
        assertThat(lines.get(indexOf(lines, "ENTRYPOINT "))).contains("tini").contains("/opt/metering/metering.jar");
        assertThat(envNames(String.join("\n", lines))).allSatisfy(PackagingFilesTest::isASetting);
    }

    @Test
    void theComposeFileUsesPinnedImagesAndOnlyKnownSettings() throws IOException {
        String compose = Files.readString(PACKAGING.resolve("docker/compose.yaml"));
        Matcher images = Pattern.compile("image: (\\S+)").matcher(compose);
        while (images.find()) {
            assertThat(images.group(1)).matches(".+:[0-9][^ ]*");
        }
        assertThat(compose).contains("dockerfile: packaging/docker/Dockerfile").contains("METERING_JDBC_URL: jdbc:postgresql://db:5432/");
        assertThat(envNames(compose)).isNotEmpty().allSatisfy(PackagingFilesTest::isASetting);
    }

    @Test
    void theSystemdUnitStartsTheInstalledLauncherAsItsOwnUser() throws IOException {
        String unit = Files.readString(PACKAGING.resolve("systemd/metering.service"));
        assertThat(unit).contains("ExecStart=/bin/sh /opt/metering/lib/app/metering-service start",
                "ExecStopPost=/bin/sh /opt/metering/lib/app/metering-service stopped", "User=metering", "SuccessExitStatus=143",
                "StateDirectory=metering", "Environment=METERING_DATA_DIR=/var/lib/metering", "[Install]");
        assertThat(envNames(unit)).allSatisfy(PackagingFilesTest::isASetting);
        assertThat(Files.readString(PACKAGING.resolve("systemd/metering-service")))
                .as("the script runs the installed launcher in its own process, so systemd's SIGTERM reaches the JVM")
                .contains("exec /opt/metering/bin/metering serve", "-XX:SharedArchiveFile=", "-XX:ArchiveClassesAtExit=");
        assertThat(Files.readString(PACKAGING.resolve("deb/build"))).contains("--install-dir /opt", "--name metering",
                "packaging/systemd/metering.service", "packaging/systemd/metering-service", "--generate-cds-archive");
    }

    private static List<String> instructions(Path dockerfile) throws IOException {
        String joined = Files.readString(dockerfile).replaceAll("\\\\\\n", " ");
        return joined.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> envNames(String text) {
        return Pattern.compile("\\b(METERING_[A-Z_]+)").matcher(text).results().map(m -> m.group(1)).distinct().toList();
    }

    private static void isASetting(String name) {
        assertThat(Configuration.SETTINGS).as("%s is a setting the service reads", name).extracting(Setting::name).contains(name);
    }
}
