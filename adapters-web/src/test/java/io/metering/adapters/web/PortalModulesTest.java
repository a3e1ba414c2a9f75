package io.metering.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The portal's plain ES modules that need no page (decimal input and arithmetic, exact JSON, CSV,
 * chart windows), tested by Node's own test runner on src/test/js. Skipped where Node.js is missing,
 * except under CI, which installs it (.ci/run).
 */
class PortalModulesTest {

    @Test
    void theModuleTestsPass() throws Exception {
        boolean node = onPath("node");
        if (!node && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install Node.js (.ci/run)");
        }
        Assumptions.assumeTrue(node, "Node.js is needed for the portal's module tests");
        Path log = Files.createTempFile("portal-modules", ".log");
        Process p = new ProcessBuilder("node", "--test", "src/test/js/")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("node --test finished").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0").containsPattern("# pass [1-9]");
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + command).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
