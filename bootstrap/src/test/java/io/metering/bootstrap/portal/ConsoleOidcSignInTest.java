package io.metering.bootstrap.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.bootstrap.demo.DemoIds;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Signing in to the back-office console through a real OpenID provider that issues admin access
 * tokens ({@link OidcSignInWorld}): the console's sign-in button (METERING_CONSOLE_OIDC_ISSUER,
 * METERING_CONSOLE_OIDC_CLIENT_ID), authorization code flow with PKCE in Debian's Chromium, and the
 * provider's RS256 token accepted by the admin operations through the JWK set with the admin issuer
 * and audience (docs/console.md).
 */
class ConsoleOidcSignInTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path browserDir;

    private static OidcSignInWorld world;

    @BeforeAll
    static void startProviderServiceAndBrowser() throws Exception {
        world = OidcSignInWorld.start(dataDir, browserDir, "console", "ADMIN", "metering-console", Map.of("KIND", "admin"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void staffSignInAtTheProviderAndWorkWithTheOrganizationsMeters() throws Exception {
        Chromium chromium = world.chromium;
        chromium.driver.get(world.base + "/console/");
        chromium.awaitView("signin");
        chromium.driver.findElement(By.id("sign-in")).click();
        world.provider.signIn(chromium, world.base, "meter-data@example.com");

        chromium.awaitView("meters");
        assertThat(chromium.driver.findElements(By.cssSelector("#meters tbody tr a"))).hasSize(4);
        // the admin queues answered the provider's token too: their counts are in the navigation
        chromium.awaitElement("#nav-changesets #changeset-count");
        chromium.awaitElement("#nav-implausible #implausible-count");
        assertThat(chromium.driver.getCurrentUrl()).isEqualTo(world.base + "/console/#/meters");
        String token = (String) chromium.script("return sessionStorage.getItem('metering.console.token')");
        assertThat(world.assertProvidersAccessToken(token, "meter-data@example.com").get("kind").asText()).isEqualTo("admin");
        assertThat(chromium.driver.findElement(By.id("organization")).getText()).isEqualTo(DemoIds.ORG.value());
        assertThat(chromium.script("return JSON.stringify(Object.values(localStorage))")).asString().doesNotContain(token);
    }
}
