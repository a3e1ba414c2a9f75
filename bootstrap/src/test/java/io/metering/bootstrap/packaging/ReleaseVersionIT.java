package io.metering.bootstrap.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.testing.ServiceCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The packaged jar names the Maven project version in its manifest and in {@code --version}. */
class ReleaseVersionIT {
    private final Path jar = Path.of(System.getProperty("metering.jar"));
    private final String version = System.getProperty("metering.version");

    @Test
    void theManifestAndTheVersionCommandNameTheProjectVersion() throws Exception {
        assertThat(version).as("a release X.Y.Z").matches("\\d+\\.\\d+\\.\\d+");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo(version);
        }
        Process p = new ProcessBuilder(ServiceCommand.java(), "-jar", jar.toString(), "--version")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isZero();
        assertThat(out).startsWith("metering " + version + " (bundled PostgreSQL ");
    }
}
