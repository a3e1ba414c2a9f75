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
 * Signing in to the customer portal through a real OpenID provider ({@link OidcSignInWorld}):
 * authorization code flow with PKCE driven by oidc-client-ts in Debian's Chromium, and the provider's
 * RS256 access token verified by the service through the provider's JWK set (METERING_JWT_JWKS_URL)
 * with the configured portal issuer and audience.
 */
class PortalOidcSignInTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path browserDir;

    private static OidcSignInWorld world;

    @BeforeAll
    static void startProviderServiceAndBrowser() throws Exception {
        world = OidcSignInWorld.start(dataDir, browserDir, "portal", "PORTAL", "metering-portal", Map.of("CONTACT_ID", DemoIds.CONTACT_ID));
    }

    @AfterAll
    static void stop() throws Exception {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void theCustomerSignsInAtTheProviderAndSeesTheirMeters() throws Exception {
        Chromium chromium = world.chromium;
        chromium.driver.get(world.base + "/portal/");
        chromium.awaitView("signin");
        chromium.driver.findElement(By.id("sign-in")).click();
        world.provider.signIn(chromium, world.base, "customer@example.com");

        chromium.awaitView("meters");
        assertThat(chromium.driver.findElements(By.cssSelector("li.meter"))).hasSize(4);
        // code and state are gone from the address bar, the token is the provider's JWT access token
        assertThat(chromium.driver.getCurrentUrl()).isEqualTo(world.base + "/portal/#/meters");
        String token = (String) chromium.script("return sessionStorage.getItem('metering.portal.token')");
        world.assertProvidersAccessToken(token, "customer@example.com");
        // cookies on localhost are the provider's own session (cookies ignore the port); none holds the token
        assertThat(chromium.driver.manage().getCookies()).noneMatch(c -> c.getValue().contains(token.split("\\.")[1]));
        assertThat(chromium.script("return JSON.stringify(Object.values(localStorage))")).asString().doesNotContain(token);
    }
}
