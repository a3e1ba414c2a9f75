package io.metering.bootstrap.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metering.adapters.http.auth.JwtAuthenticator;
import io.metering.application.port.in.UseCases;
import io.metering.bootstrap.MeteringServer;
import io.metering.bootstrap.config.Configuration;
import io.metering.bootstrap.config.TokenSettings;
import io.metering.bootstrap.demo.DemoData;
import io.metering.bootstrap.demo.DemoIds;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Signing in to the customer portal through a real OpenID provider: the certified {@code oidc-provider}
 * package run by Node (clients/oidc-provider), authorization code flow with PKCE driven by
 * oidc-client-ts in Debian's Chromium, and the provider's RS256 access token verified by the service
 * through the provider's JWK set (METERING_JWT_JWKS_URL) with the configured issuer and audience.
 */
class PortalOidcSignInTest {
    private static final String CLIENT_ID = "metering-portal";
    private static final String AUDIENCE = "urn:metering:api";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    @TempDir
    static Path browserDir;

    private static Process provider;
    private static MeteringServer server;
    private static Chromium chromium;
    private static String issuer;
    private static String base;

    @BeforeAll
    static void startProviderServiceAndBrowser() throws Exception {
        Path project = Path.of("..", "clients", "oidc-provider").toAbsolutePath().normalize();
        boolean node = onPath("node") && onPath("npm");
        if (!node && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install Node.js and npm (.ci/run)");
        }
        Assumptions.assumeTrue(node, "Node.js and npm are needed for the OpenID provider");
        chromium = Chromium.start(browserDir, "en-US");
        if (!Files.isDirectory(project.resolve("node_modules"))) {
            // not inheritIO: npm would share (and make non-blocking) the test JVM's stdin, Surefire's command channel
            Process ci = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(project.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(ci.waitFor(5, TimeUnit.MINUTES) && ci.exitValue() == 0).as("npm ci in %s", project).isTrue();
        }
        int servicePort = freePort();
        int providerPort = freePort();
        base = "http://localhost:" + servicePort;
        issuer = "http://localhost:" + providerPort;
        ProcessBuilder pb = new ProcessBuilder("node", "provider.mjs").directory(project.toFile()).redirectErrorStream(true);
        pb.environment().putAll(Map.of("PORT", String.valueOf(providerPort), "CLIENT_ID", CLIENT_ID, "REDIRECT_URI", base + "/portal/",
                "AUDIENCE", AUDIENCE, "ORG_ID", DemoIds.ORG.value(), "CONTACT_ID", DemoIds.CONTACT_ID));
        provider = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(provider.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder log = new StringBuilder();
        while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
            log.append(line).append('\n');
        }
        assertThat(line).as("the provider started:%n%s", log).isEqualTo("ready " + issuer);
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "oidc-provider-output");
        drain.setDaemon(true);
        drain.start();

        Map<String, String> env = new HashMap<>();
        env.put("METERING_DATA_DIR", dataDir.toString());
        env.put("METERING_JWT_JWKS_URL", issuer + "/jwks");
        env.put("METERING_PORTAL_JWT_ISSUER", issuer);
        env.put("METERING_PORTAL_JWT_AUDIENCE", AUDIENCE);
        env.put("METERING_PORTAL_OIDC_ISSUER", issuer);
        env.put("METERING_PORTAL_OIDC_CLIENT_ID", CLIENT_ID);
        Configuration config = Configuration.from(env);
        server = MeteringServer.start(config, Clock.systemUTC(), new JwtAuthenticator(TokenSettings.of(config), Clock.systemUTC()));
        UseCases u = server.useCases();
        new DemoData(u.manageMeters(), u.manageCounters(), u.recordReadings(), u.viewMeters()).loadIfAbsent();
        server.listen(servicePort);
    }

    @AfterAll
    static void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
        if (provider != null) {
            provider.destroy();
            provider.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCustomerSignsInAtTheProviderAndSeesTheirMeters() throws Exception {
        chromium.driver.get(base + "/portal/");
        chromium.awaitView("signin");
        chromium.driver.findElement(By.id("sign-in")).click();

        // the provider's own pages: login, then consent
        chromium.await(d -> {
            assertThat(d.findElements(By.cssSelector("main .notice-error"))).as("sign-in error").extracting(WebElement::getText).isEmpty();
            return d.getCurrentUrl().startsWith(issuer);
        });
        chromium.awaitElement("input[name=login]").sendKeys("customer@example.com");
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

        chromium.awaitView("meters");
        assertThat(chromium.driver.findElements(By.cssSelector("li.meter"))).hasSize(4);
        // code and state are gone from the address bar, the token is the provider's JWT access token
        assertThat(chromium.driver.getCurrentUrl()).isEqualTo(base + "/portal/#/meters");
        String token = (String) chromium.script("return sessionStorage.getItem('metering.portal.token')");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(claims.get("iss").asText()).isEqualTo(issuer);
        assertThat(claims.get("aud").asText()).isEqualTo(AUDIENCE);
        assertThat(claims.get("sub").asText()).isEqualTo("customer@example.com");
        // cookies on localhost are the provider's own session (cookies ignore the port); none holds the token
        assertThat(chromium.driver.manage().getCookies()).noneMatch(c -> c.getValue().contains(token.split("\\.")[1]));
        assertThat(chromium.script("return JSON.stringify(Object.values(localStorage))")).asString().doesNotContain(token);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static boolean onPath(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + command).start();
        return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
