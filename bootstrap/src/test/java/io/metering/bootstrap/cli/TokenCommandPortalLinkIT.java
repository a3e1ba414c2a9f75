package io.metering.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.testing.ServiceCommand;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code token --kind portal} prints the token alone on stdout, so that
 * {@code PORTAL_TOKEN=$(... token --kind portal ...)} keeps working, and the customer portal's
 * sign-in link on stderr. Runs the command line as its own process, since it reads the environment.
 */
class TokenCommandPortalLinkIT {
    private static final String SECRET = "token-command-test-secret-of-at-least-32-bytes";

    @TempDir
    Path dir;

    @Test
    void thePortalTokenGoesToStdoutAndItsSignInLinkToStderr() throws Exception {
        run("token", "--kind", "portal", "--org", "demo-org", "--contact-id", "e3d543fc-2145-3924-9185-5ac33e26bd75");

        List<String> stdout = Files.readAllLines(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(stdout).hasSize(1);
        String token = stdout.get(0);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8))
                .contains("Customer portal sign-in link: http://localhost:18099/portal/#token=" + token + System.lineSeparator());
    }

    @Test
    void anAdminTokenGetsTheConsoleLinkAndNoPortalLink() throws Exception {
        run("token", "--kind", "admin", "--org", "demo-org");

        List<String> stdout = Files.readAllLines(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(stdout).hasSize(1);
        assertThat(Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8)).doesNotContain("/portal/")
                .contains("Back-office console sign-in link: http://localhost:18099/console/#token=" + stdout.get(0) + System.lineSeparator());
    }

    private void run(String... args) throws Exception {
        List<String> command = ServiceCommand.of(List.of(), List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("METERING_JWT_SECRET", SECRET);
        pb.environment().put("METERING_HTTP_PORT", "18099");
        pb.environment().put("METERING_DATA_DIR", dir.resolve("data").toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the command finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("err.txt"))).isZero();
    }
}
