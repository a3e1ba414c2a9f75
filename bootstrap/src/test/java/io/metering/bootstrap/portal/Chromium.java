package io.metering.bootstrap.portal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never a downloaded browser),
 * with a fresh profile, the demo's time zone and a download folder. Where neither is installed the
 * tests are skipped locally; under CI (which installs both, .ci/run) they fail instead.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** The demo's business time zone, so that the page's calendar days are the API's default ones. */
    static final String TIME_ZONE = "Europe/Berlin";

    final ChromeDriver driver;
    final Path downloads;

    private Chromium(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    static Chromium start(Path workDir, String language) throws Exception {
        boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("CI must install chromium and chromium-driver (.ci/run)");
        }
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are needed for the browser tests");
        Path profile = Files.createDirectories(workDir.resolve("profile"));
        Path downloads = Files.createDirectories(workDir.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=" + language);
        // the page's console messages, so that a timeout can say what went wrong in the page
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .withEnvironment(Map.of("TZ", TIME_ZONE))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return new Chromium(driver, downloads);
    }

    <T> T await(Function<WebDriver, T> condition) {
        // a view being redrawn replaces the elements a condition looked at: look again
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out at " + driver.getCurrentUrl() + " showing:\n"
                    + driver.findElement(By.tagName("body")).getText() + "\nconsole:\n" + consoleMessages(), e);
        }
    }

    /** What the page wrote to its console since last asked (errors, warnings, logs). */
    String consoleMessages() {
        try {
            return String.join("\n", driver.manage().logs().get("browser").getAll().stream().map(Object::toString).toList());
        } catch (RuntimeException e) {
            return "(console not available: " + e.getMessage() + ")";
        }
    }

    WebElement awaitElement(String css) {
        return await(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** Opens a page's hash route and waits for its view; the address it shows already is reloaded instead. */
    void open(String url, String view) {
        if (url.equals(driver.getCurrentUrl())) {
            driver.navigate().refresh(); // the same hash again would not draw the page anew
        } else {
            driver.get(url);
        }
        awaitView(view);
    }

    /** Waits until the portal has drawn a page (main's data-view names it) and is no longer busy. */
    void awaitView(String view) {
        awaitElement("main[data-view='" + view + "']:not([aria-busy])");
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Emulates a viewport (a phone: 360 px wide) or ends the emulation with width 0. */
    void viewport(int width, int height, boolean mobile) {
        if (width == 0) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        } else {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
