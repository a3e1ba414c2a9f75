package io.metering.bootstrap.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.testing.FreePorts;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The OpenID provider of the sign-in tests: clients/oidc-provider (the certified {@code oidc-provider}
 * package) run by Node on a free port for one public client, and the login at its development pages.
 * Without Node the tests are skipped, except on CI, which must install it.
 */
final class OidcProvider implements AutoCloseable {
    private final Process process;
    /** The provider's issuer, {@code http://localhost:<port>}. */
    final String issuer;

    private OidcProvider(Process process, String issuer) {
        this.process = process;
        this.issuer = issuer;
    }

    /** Skips the test without Node.js and npm; fails on CI. */
    static void assumeNode() throws Exception {
        boolean node = onPath("node") && onPath("npm");
        if (!node && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install Node.js and npm (.ci/run)");
        }
        Assumptions.assumeTrue(node, "Node.js and npm are needed for the OpenID provider");
    }

    /**
     * Starts the provider (after {@code npm ci} once) and waits until it listens.
     *
     * @param env CLIENT_ID, REDIRECT_URI, AUDIENCE, ORG_ID, KIND, CONTACT_ID as provider.mjs reads them
     */
    static OidcProvider start(Map<String, String> env) throws Exception {
        Path project = Path.of("..", "clients", "oidc-provider").toAbsolutePath().normalize();
        if (!Files.isDirectory(project.resolve("node_modules"))) {
            // not inheritIO: npm would share (and make non-blocking) the test JVM's stdin, Surefire's command channel
            Process ci = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(project.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(ci.waitFor(5, TimeUnit.MINUTES) && ci.exitValue() == 0).as("npm ci in %s", project).isTrue();
        }
        int port = FreePorts.free();
        String issuer = "http://localhost:" + port;
        ProcessBuilder pb = new ProcessBuilder("node", "provider.mjs").directory(project.toFile()).redirectErrorStream(true);
        Map<String, String> all = new HashMap<>(env);
        all.put("PORT", String.valueOf(port));
        pb.environment().putAll(all);
        Process process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder log = new StringBuilder();
        while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
            log.append(line).append('\n');
        }
        assertThat(line).as("the provider started:%n%s", log).isEqualTo("ready " + issuer);
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "oidc-provider-output");
        drain.setDaemon(true);
        drain.start();
        return new OidcProvider(process, issuer);
    }

    /** Signs in as {@code login} at the provider's pages (login, then consent) until the browser is back at {@code base}. */
    void signIn(Chromium chromium, String base, String login) {
        chromium.await(d -> {
            assertThat(d.findElements(By.cssSelector("main .notice-error"))).as("sign-in error").extracting(WebElement::getText).isEmpty();
            return d.getCurrentUrl().startsWith(issuer);
        });
        chromium.awaitElement("input[name=login]").sendKeys(login);
        chromium.driver.findElement(By.cssSelector("input[name=password]")).sendKeys("any");
        chromium.driver.findElement(By.cssSelector("button[type=submit]")).click();
        chromium.await(d -> {
            if (d.getCurrentUrl().startsWith(base)) {
                return true;
            }
            List<WebElement> consent = d.findElements(By.cssSelector("button[type=submit]"));
            if (!consent.isEmpty() && d.findElements(By.cssSelector("input[name=login]")).isEmpty()) {
                consent.get(0).click();
            }
            return false;
        });
    }


    private static boolean onPath(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + command).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
