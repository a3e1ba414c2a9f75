package io.metering.bootstrap.portal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/** Full-page screenshots for docs/portal.md, through the DevTools protocol. */
final class Screenshots {
    private Screenshots() {}

    static void save(Chromium chromium, Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Map<String, Object> shot = chromium.driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(dir.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
