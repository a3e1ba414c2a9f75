package io.metering.bootstrap.portal;

import io.metering.testing.BearerTokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metering.bootstrap.cli.PortalLink;
import io.metering.bootstrap.demo.DemoIds;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The customer portal in a real browser (Debian's Chromium, headless) against the real service on the
 * demo data: the development sign-in link, the four demo meters, a refused and an accepted reading,
 * the consumption chart of a month of the demo water meter against the API's totals, the readings
 * table and its CSV download against the API, German with a decimal comma, accessibility (axe-core),
 * a conversion factor's kWh, a governed meter, an implausible reading, a counter of both directions (the household chooses the
 * reading's direction), a phone's 360 px width, page weight, and sign-out and expiry. With
 * {@code -Dportal.screenshots=<dir>} it also writes the screenshots of docs/portal.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {
    private static final String SECRET = "portal-browser-test-secret-of-at-least-32-bytes";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** docs/portal.md: what the first load of the portal may transfer, compressed. */
    private static final long PAGE_WEIGHT_LIMIT = 300 * 1024;
    private static final String ALLOWED_ORIGIN = "https://staff.example.com";
    private static final String WATER = DemoIds.AMPDS2_WATER.toString();
    private static final String WATER_L = DemoIds.AMPDS2_WATER_VOLUME.toString();
    private static final String GAS = DemoIds.LIANDER_GAS.toString();
    private static final String GAS_M3 = DemoIds.LIANDER_GAS_VOLUME.toString();

    @TempDir
    static Path dataDir;
    @TempDir
    static Path browserDir;

    private static DemoService service;
    private static String base;
    private static String portal;
    private static String admin;
    private static Chromium chromium;

    @BeforeAll
    static void startServiceAndBrowser() throws Exception {
        chromium = Chromium.start(browserDir, "en-US");
        service = DemoService.start(dataDir, SECRET, Map.of("METERING_CORS_ORIGINS", ALLOWED_ORIGIN), "browser");
        base = service.base;
        portal = service.portal;
        admin = service.admin;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(10)
    void theSignInLinkShowsTheFourDemoMetersAndLeavesNoTokenInTheAddressBar() {
        chromium.driver.get(PortalLink.of(base, portal));
        awaitView("meters");

        List<WebElement> cards = chromium.driver.findElements(By.cssSelector("li.meter"));
        assertThat(cards).extracting(c -> c.getAttribute("data-meter"))
                .containsExactlyInAnyOrder(DemoIds.LIANDER_POWER.toString(), GAS, WATER, DemoIds.AMPDS2_GAS.toString());
        WebElement power = card(DemoIds.LIANDER_POWER.toString());
        assertThat(power.getText()).contains("E0000000000000011", "871000000000000011", "OBIS 1-0:1.8.1", "16,945.1 kWh");
        assertThat(power.findElements(By.cssSelector("li.counter"))).hasSize(4);
        assertThat(power.findElement(By.cssSelector("img.sector-icon")).getAttribute("src")).endsWith("icons/power.svg");

        assertThat(chromium.driver.getCurrentUrl()).doesNotContain("token").endsWith("/portal/#/meters");
        assertThat(chromium.script("return sessionStorage.getItem('metering.portal.token')")).isEqualTo(portal);
        assertThat(chromium.script("return JSON.stringify(Object.values(localStorage))")).asString().doesNotContain(portal);
        assertThat(chromium.driver.manage().getCookies()).isEmpty();
    }

    @Test
    @Order(20)
    void theFirstLoadTransfersLessThan300KilobytesCompressed() {
        long transferred = ((Number) chromium.script("const n = performance.getEntriesByType('navigation')[0];"
                + "return performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, n.transferSize);"))
                .longValue();
        System.out.printf("portal first load: %d bytes transferred (limit %d)%n", transferred, PAGE_WEIGHT_LIMIT);
        assertThat(transferred).isPositive().isLessThanOrEqualTo(PAGE_WEIGHT_LIMIT);
    }

    @Test
    @Order(30)
    void aReadingBelowThePreviousIsRefusedInWordsAndAHigherOneIsAccepted() throws Exception {
        open("#/" + WATER + "/submit", "submit");
        WebElement value = chromium.driver.findElement(By.cssSelector("input[data-counter='" + WATER_L + "']"));
        // the allowed range is there before anything is typed
        chromium.await(d -> d.findElement(By.id("value-" + WATER_L + "-hint")).getText().contains("594,169.5"));

        value.sendKeys("5");
        chromium.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement error = chromium.awaitElement("#value-" + WATER_L + "-error:not(:empty)");
        assertThat(error.getText()).contains("lower than your previous reading (594,169.5 L)").doesNotContain("less_than_previous");
        assertThat(value.getAttribute("aria-invalid")).isEqualTo("true");

        value.clear();
        value.sendKeys("594200.25");
        chromium.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement saved = chromium.awaitElement("#submit-outcome .notice-success");
        assertThat(saved.getText()).contains("saved", "594,200.25 L", "consumption since the last reading: 30.75 L");

        JsonNode latest = api("/v1/metering/reading/" + WATER + "/" + WATER_L + "?sort=desc&size=1").get("results").get(0);
        assertThat(latest.get("value").decimalValue()).isEqualByComparingTo("594200.25");
        assertThat(latest.get("source").asText()).isEqualTo("ECP");
    }

    @Test
    @Order(31)
    void aNewAttemptClearsTheLastOutcomeAndOnlyOneAttemptIsOnItsWayAtATime() throws Exception {
        open("#/" + WATER + "/submit", "submit");
        WebElement value = chromium.driver.findElement(By.cssSelector("input[data-counter='" + WATER_L + "']"));
        chromium.await(d -> !d.findElement(By.id("value-" + WATER_L + "-hint")).getText().isEmpty());
        BigDecimal last = api("/v1/metering/reading/" + WATER + "/" + WATER_L + "?sort=desc&size=1").get("results").get(0).get("value").decimalValue();

        // a second Enter while the first attempt is on its way is not sent: one answer, one reading, the value typed since kept
        long hits = api("/v1/metering/reading/" + WATER + "/" + WATER_L + "?size=1").get("hits").asLong();
        String next = last.add(BigDecimal.ONE).toPlainString();
        chromium.script("const i = document.getElementById('value-' + arguments[0]); const form = i.form;"
                + " i.value = arguments[1]; form.requestSubmit(); i.value = '7'; form.requestSubmit();", WATER_L, next);
        chromium.awaitElement("#submit-outcome .notice-success");
        chromium.await(d -> d.findElement(By.cssSelector("form button[type=submit]")).getAttribute("aria-disabled") == null);
        assertThat(chromium.driver.findElement(By.id("value-" + WATER_L + "-error")).getText()).isEmpty();
        assertThat(chromium.driver.findElements(By.cssSelector("#submit-outcome > *"))).hasSize(1);
        assertThat(value.getAttribute("value")).isEqualTo("7");
        assertThat(api("/v1/metering/reading/" + WATER + "/" + WATER_L + "?size=1").get("hits").asLong()).isEqualTo(hits + 1);
        assertThat(api("/v1/metering/reading/" + WATER + "/" + WATER_L + "?sort=desc&size=1").get("results").get(0).get("value").decimalValue())
                .isEqualByComparingTo(next);

        // refused after a saved one: the confirmation of the attempt before is gone, the outcome says this one failed
        // (role alert: announced though focus stays in the field)
        value.sendKeys(Keys.ENTER);
        chromium.awaitElement("#value-" + WATER_L + "-error:not(:empty)");
        assertThat(chromium.driver.findElements(By.cssSelector("#submit-outcome .notice-success"))).isEmpty();
        assertThat(chromium.driver.findElements(By.cssSelector("#submit-outcome > *"))).singleElement()
                .satisfies(e -> assertThat(e.getAttribute("role")).isEqualTo("alert"))
                .satisfies(e -> assertThat(e.getText()).isEqualTo("Your reading was not saved; please see the note at the field."));
    }

    @Test
    @Order(40)
    void theChartShowsAMonthOfTheWaterMeterWithTheApisTotals() throws Exception {
        open("#/" + WATER + "/" + WATER_L + "/consumption?view=month&date=2013-02-01", "consumption");
        chromium.awaitElement(".chart canvas");
        JsonNode expected = api("/v1/metering/consumption/" + WATER + "/" + WATER_L
                + "?interval=day&start_date=2013-02-01&end_date=2013-02-28&time_zone=" + URLEncoder.encode(Chromium.TIME_ZONE,
                StandardCharsets.UTF_8)).get("data");

        WebElement total = chromium.driver.findElement(By.cssSelector("#consumption-totals dd[data-total]"));
        assertThat(new BigDecimal(total.getAttribute("data-total"))).isEqualByComparingTo(expected.get("total").get("consumption").decimalValue())
                .isEqualByComparingTo("24359.5");
        assertThat(total.getText()).isEqualTo("24,359.5 L");
        assertThat(chromium.driver.findElement(By.id("counter-of")).getText())
                .isEqualTo("AMPds2 whole-house water meter (WHW) · Meter number AMPDS2-WHW · Water volume");
        List<WebElement> rows = chromium.driver.findElements(By.cssSelector("table.data tbody tr"));
        assertThat(rows).hasSize(28);
        for (int i = 0; i < rows.size(); i++) {
            String shown = rows.get(i).findElement(By.cssSelector("td[data-consumption]")).getAttribute("data-consumption");
            assertThat(new BigDecimal(shown)).as("day %d", i + 1)
                    .isEqualByComparingTo(expected.get("periods").get(i).get("consumption").decimalValue());
        }
        // the same month a year before lies before the first reading: no comparison, rather than a column of dashes
        assertThat(chromium.driver.findElement(By.cssSelector(".u-legend")).getText()).contains("Consumption").doesNotContain("Previous period");
        assertThat(chromium.driver.findElements(By.cssSelector("table.data thead th"))).hasSize(2);
        // a step back is January
        chromium.driver.findElement(By.cssSelector(".period-nav a[aria-label='Earlier period']")).click();
        chromium.await(d -> d.getCurrentUrl().contains("date=2013-01-01"));
        awaitView("consumption");
        // the hash changes before the page marks itself busy: wait for January's table itself
        chromium.await(d -> d.findElements(By.cssSelector("table.data tbody tr")).size() == 31);
    }

    /**
     * The day of the water meter's last reading (taken today by the tests before) has no consumption until a later reading
     * exists (docs/analytics.md "Boundary values"): its row and a line below the chart say so rather than a bare dash.
     */
    @Test
    @Order(41)
    void theDayOfTheLastReadingSaysItsConsumptionComesWithTheNextReading() throws Exception {
        JsonNode last = api("/v1/metering/reading/" + WATER + "/" + WATER_L + "?sort=desc&size=1").get("results").get(0);
        LocalDate day = Instant.parse(last.get("timestamp").asText()).atZone(ZoneId.of(Chromium.TIME_ZONE)).toLocalDate();
        open("#/" + WATER + "/" + WATER_L + "/consumption?view=month&date=" + day, "consumption");
        chromium.awaitElement(".chart canvas");
        List<WebElement> rows = chromium.driver.findElements(By.cssSelector("table.data tbody tr"));
        WebElement awaiting = chromium.driver.findElement(By.cssSelector("table.data tbody tr .awaiting")).findElement(By.xpath("./ancestor::tr"));
        assertThat(rows.indexOf(awaiting)).as("the row of the last reading's day").isEqualTo(day.getDayOfMonth() - 1);
        assertThat(awaiting.findElement(By.cssSelector("td[data-consumption]")).getAttribute("data-consumption")).isEmpty();
        assertThat(awaiting.getText()).contains("no value yet: needs a later reading");
        assertThat(chromium.driver.findElements(By.cssSelector("table.data tbody tr .awaiting"))).hasSize(1);
        // the API agrees: that day has no value, the one before it has
        JsonNode days = api("/v1/metering/consumption/" + WATER + "/" + WATER_L + "?interval=day&start_date=" + day.minusDays(1)
                + "&end_date=" + day + "&time_zone=" + URLEncoder.encode(Chromium.TIME_ZONE, StandardCharsets.UTF_8)).get("data").get("periods");
        assertThat(days.get(0).get("consumption").isNull()).isFalse();
        assertThat(days.get(1).get("consumption").isNull()).isTrue();
        assertThat(chromium.driver.findElement(By.id("awaiting-note")).getText())
                .startsWith("The period of your last reading (").contains("appears with your next reading");
    }

    @Test
    @Order(45)
    void withAConversionFactorTheTotalIsAlsoShownInKilowattHours() throws Exception {
        HttpResponse<String> factor = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/admin/counters/" + GAS_M3))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"conversion_factor\":10.5}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(factor.statusCode()).as(factor.body()).isEqualTo(200);

        open("#/" + GAS + "/" + GAS_M3 + "/consumption?view=month&date=2023-11-01", "consumption");
        chromium.awaitElement(".chart canvas");
        JsonNode total = api("/v1/metering/consumption/" + GAS + "/" + GAS_M3
                + "?interval=day&start_date=2023-11-01&end_date=2023-11-30&time_zone=" + URLEncoder.encode(Chromium.TIME_ZONE,
                StandardCharsets.UTF_8)).get("data").get("total");
        WebElement energy = chromium.driver.findElement(By.cssSelector("#consumption-totals dd[data-energy]"));
        assertThat(new BigDecimal(energy.getAttribute("data-energy"))).isEqualByComparingTo(total.get("energy").decimalValue())
                .isEqualByComparingTo(total.get("consumption").decimalValue().multiply(new BigDecimal("10.5")));
        assertThat(energy.getText()).endsWith(" kWh");
        // the daily readings lie at 00:00 UTC and a Berlin day starts at 23:00 UTC: the API interpolates every
        // boundary, but between readings a day apart, so no day is shown as estimated (docs/portal.md)
        JsonNode days = api("/v1/metering/consumption/" + GAS + "/" + GAS_M3
                + "?interval=day&start_date=2023-11-01&end_date=2023-11-30&time_zone=" + URLEncoder.encode(Chromium.TIME_ZONE,
                StandardCharsets.UTF_8)).get("data").get("periods");
        assertThat(days.get(0).get("start_interpolated").asBoolean()).isTrue();
        assertThat(chromium.driver.findElements(By.cssSelector("table.data tbody tr"))).hasSize(30);
        assertThat(chromium.driver.findElements(By.cssSelector("table.data tbody tr.estimated, table.data .badge"))).isEmpty();
        open("#/" + WATER + "/" + WATER_L + "/consumption?view=years&date=2014-04-01", "consumption");
        List<WebElement> years = chromium.driver.findElements(By.cssSelector("table.data tbody tr"));
        // the first and last year the readings only partly cover are asked from the first and up to the last reading
        JsonNode readings = api("/v1/metering/reading/" + WATER + "/" + WATER_L + "?size=1&sort=asc").get("results");
        String first = readings.get(0).get("timestamp").asText();
        JsonNode partial = api("/v1/metering/consumption/" + WATER + "/" + WATER_L + "?interval=year&start_date=" + first
                + "&end_date=2012-12-31&time_zone=" + URLEncoder.encode(Chromium.TIME_ZONE, StandardCharsets.UTF_8)).get("data");
        WebElement year2012 = years.stream().filter(r -> r.getText().startsWith("2012")).findFirst().orElseThrow();
        assertThat(year2012.getText()).contains("partial year: from");
        assertThat(new BigDecimal(year2012.findElement(By.cssSelector("td[data-consumption]")).getAttribute("data-consumption")))
                .isEqualByComparingTo(partial.get("total").get("consumption").decimalValue()).isPositive();
        assertThat(chromium.driver.findElement(By.cssSelector("#consumption-totals dd[data-total]")).getAttribute("data-total")).isNotEmpty();
    }

    /** The water meter's readings run from April 2012 to April 2014: its Years view starts at 2012, not ten years back. */
    @Test
    @Order(46)
    void theYearsViewStartsAtTheFirstYearWithAReading() {
        open("#/" + WATER + "/" + WATER_L + "/consumption?view=years&date=2014-04-01", "consumption");
        List<WebElement> years = chromium.driver.findElements(By.cssSelector("table.data tbody tr th"));
        assertThat(years).extracting(y -> y.getText().substring(0, 4)).containsExactly("2012", "2013", "2014");
        assertThat(chromium.driver.findElement(By.cssSelector(".period-nav .period")).getText()).startsWith("Jan 1, 2012 – ");
    }

    @Test
    @Order(50)
    void theReadingsTablePagesAndTheCsvEqualsTheApi() throws Exception {
        open("#/" + GAS + "/" + GAS_M3 + "/readings", "readings");
        List<WebElement> rows = chromium.driver.findElements(By.cssSelector("#readings tbody tr"));
        assertThat(rows).hasSize(20);
        JsonNode newest = api("/v1/metering/reading/" + GAS + "/" + GAS_M3 + "?size=1&sort=desc&type=relative").get("results").get(0);
        assertThat(newest.get("value").decimalValue()).isEqualByComparingTo("4.4"); // 11430.6 - 11426.2, Liander's file
        // the source ERP in the household's word, linked to the console's "ERP system" (docs/portal.md)
        assertThat(rows.get(0).getText()).contains("11,430.6", "4.4", "your supplier (ERP)", "confirmed");
        assertThat(chromium.driver.findElement(By.cssSelector(".pager")).getText()).contains("Page 1 of 11");
        // which of the household's two gas meters: both have a "Gas volume"
        assertThat(chromium.driver.findElement(By.id("counter-of")).getText()).isEqualTo("Liander gas meter · Meter number G0000000000000022 · Gas volume");

        chromium.driver.findElement(By.id("download-csv")).click();
        Path csv = chromium.await(d -> {
            try (var files = Files.list(chromium.downloads)) {
                return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        // named after the meter number and the OBIS code, so two gas meters' files differ
        assertThat(csv.getFileName().toString()).isEqualTo("readings-G0000000000000022-7-0_3.0.0.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        JsonNode cumulative = api("/v1/metering/reading/" + GAS + "/" + GAS_M3 + "?size=-1&sort=asc").get("results");
        JsonNode relative = api("/v1/metering/reading/" + GAS + "/" + GAS_M3 + "?size=-1&sort=asc&type=relative").get("results");
        assertThat(lines.get(0)).isEqualTo("timestamp,value,consumption,unit,direction,source,status,reason");
        assertThat(lines).hasSize(cumulative.size() + 1);
        for (int i = 0; i < cumulative.size(); i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            JsonNode r = cumulative.get(i);
            assertThat(cells[0]).isEqualTo(r.get("timestamp").asText());
            // exact decimal text, digit for digit
            assertThat(cells[1]).as("value of %s", cells[0]).isEqualTo(r.get("value").decimalValue().toPlainString());
            // as the table shows it: an implausible reading is not counted
            boolean implausible = "implausible".equals(r.path("status").asText());
            assertThat(cells[2]).as("consumption of %s", cells[0])
                    .isEqualTo(implausible ? "" : relative.get(i).get("value").decimalValue().toPlainString());
            assertThat(cells[5]).isEqualTo(r.get("source").asText());
            assertThat(cells[6]).as("status of %s", cells[0]).isEqualTo(r.hasNonNull("status") ? r.get("status").asText() : "valid");
        }
    }

    /** A CSV download that fails says so next to its button, announced (role alert), with why; the button works again. */
    @Test
    @Order(51)
    void aFailedCsvDownloadSaysSoAndWhy() {
        open("#/" + GAS + "/" + GAS_M3 + "/readings", "readings");
        chromium.script("window.realFetch = window.fetch; window.fetch = (url, init) => String(url).includes('size=-1')"
                + " ? Promise.resolve(new Response('{\"reason\":\"unavailable\",\"message\":\"database unavailable\"}', { status: 503 }))"
                + " : window.realFetch(url, init);");
        try {
            chromium.driver.findElement(By.id("download-csv")).click();
            WebElement told = chromium.awaitElement("#download-result [role=alert]");
            assertThat(told.getText())
                    .isEqualTo("The download failed, no file was saved. The service answered with an error (HTTP 503: database unavailable).");
            chromium.script("window.fetch = (url, init) => String(url).includes('size=-1') ? Promise.reject(new TypeError('Failed to fetch'))"
                    + " : window.realFetch(url, init);");
            chromium.await(d -> d.findElement(By.id("download-csv")).isEnabled());
            chromium.driver.findElement(By.id("download-csv")).click();
            chromium.await(d -> d.findElement(By.id("download-result")).getText()
                    .equals("The download failed, no file was saved. The service could not be reached. Check your connection and try again."));
        } finally {
            chromium.script("window.fetch = window.realFetch;");
        }
        assertThat(chromium.driver.findElement(By.id("download-csv")).isEnabled()).isTrue();
    }

    @Test
    @Order(60)
    void germanReadsADecimalCommaExactly() throws Exception {
        open("#/" + GAS + "/submit", "submit");
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Zählerstand melden"));
        awaitView("submit");
        assertThat(chromium.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        chromium.await(d -> d.findElement(By.id("value-" + GAS_M3 + "-hint")).getText().contains("11.430,6"));

        WebElement value = chromium.driver.findElement(By.id("value-" + GAS_M3));
        value.sendKeys("11431,6");
        chromium.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement saved = chromium.awaitElement("#submit-outcome .notice-success");
        assertThat(saved.getText()).contains("gespeichert", "11.431,6 m³", "Verbrauch seit dem letzten Stand: 1 m³");

        JsonNode latest = api("/v1/metering/reading/" + GAS + "/" + GAS_M3 + "?sort=desc&size=1").get("results").get(0);
        assertThat(latest.get("value").decimalValue().toPlainString()).isEqualTo("11431.6");

        open("#/meters", "meters");
        assertThat(chromium.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Meine Zähler");
        assertThat(card(GAS).getText()).contains("Zählernummer", "11.431,6 m³");
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("My meters"));
    }

    @Test
    @Order(70)
    void onAGovernedMeterTheReadingAwaitsApprovalAndTheLocationShows() throws Exception {
        String meter = DemoIds.AMPDS2_GAS.toString();
        String counter = DemoIds.AMPDS2_GAS_VOLUME.toString();
        HttpResponse<String> governed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/admin/meters/" + meter))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"reading_governance\":{\"edit_mode\":\"approval\"},"
                        + "\"address\":{\"street\":\"Musterstraße\",\"street_number\":\"1\",\"postal_code\":\"12345\",\"city\":\"Berlin\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(governed.statusCode()).as(governed.body()).isEqualTo(200);
        open("#/meters", "meters");
        assertThat(card(meter).getText()).contains("Location", "Musterstraße 1, 12345 Berlin");

        open("#/" + meter + "/submit", "submit");
        assertThat(chromium.driver.findElement(By.tagName("main")).getText()).contains("checked by your supplier before they count");
        chromium.driver.findElement(By.id("value-" + counter)).sendKeys("1086032.5");
        chromium.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(chromium.awaitElement("#submit-outcome .notice-success").getText()).contains("awaits approval by your supplier");

        // nothing is written until the supplier approves
        JsonNode latest = api("/v1/metering/reading/" + meter + "/" + counter + "?sort=desc&size=1").get("results").get(0);
        assertThat(latest.get("value").decimalValue()).isEqualByComparingTo("1086031.863");
    }

    @Test
    @Order(75)
    void anImplausiblyHighReadingIsTakenAndMarked() throws Exception {
        String meter = DemoIds.LIANDER_POWER.toString();
        String t1 = DemoIds.lianderPowerRegister(1).toString();
        // two recent readings a day apart give the counter a rate: the form shows the expected range's upper end
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        postAsAdmin("{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + t1 + "\",\"value\":16950,\"timestamp\":\""
                + now.minus(java.time.Duration.ofDays(2)) + "\",\"source\":\"ERP\"}");
        postAsAdmin("{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + t1 + "\",\"value\":16960,\"timestamp\":\""
                + now.minus(java.time.Duration.ofDays(1)) + "\",\"source\":\"ERP\"}");
        long hits = api("/v1/metering/reading/" + meter + "/" + t1 + "?size=1").get("hits").asLong();
        open("#/" + meter + "/submit", "submit");
        chromium.await(d -> d.findElement(By.id("value-" + t1 + "-hint")).getText().startsWith("Expected between 16,960 and"));
        WebElement value = chromium.driver.findElement(By.id("value-" + t1));
        value.sendKeys("999999");
        // above the expected range shown: nothing is sent before the household has checked the value
        chromium.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement check = chromium.awaitElement("#submit-outcome #submit-check");
        assertThat(check.getAttribute("role")).isEqualTo("alert");
        assertThat(check.getText()).contains("Please check", "999,999 kWh is above the expected", "Send anyway", "Change the value");
        assertThat(api("/v1/metering/reading/" + meter + "/" + t1 + "?size=1").get("hits").asLong()).isEqualTo(hits);
        // "Change the value" goes back to the field, the question gone
        chromium.driver.findElement(By.id("submit-change")).click();
        assertThat(chromium.script("return document.activeElement.id")).isEqualTo("value-" + t1);
        assertThat(chromium.driver.findElements(By.id("submit-check"))).isEmpty();
        // by keyboard alone: Enter asks again, focus is on the question, Tab reaches "Send anyway", Enter sends
        value.sendKeys(Keys.ENTER);
        chromium.awaitElement("#submit-check");
        assertThat(chromium.script("return document.activeElement.id")).isEqualTo("submit-check");
        new org.openqa.selenium.interactions.Actions(chromium.driver).sendKeys(Keys.TAB).perform();
        assertThat(chromium.script("return document.activeElement.id")).isEqualTo("submit-anyway");
        new org.openqa.selenium.interactions.Actions(chromium.driver).sendKeys(Keys.ENTER).perform();
        // saved, implausible: it leads with that and shows no consumption (an implausible reading is not counted)
        WebElement saved = chromium.awaitElement("#submit-outcome #submit-saved");
        assertThat(saved.getAttribute("class")).contains("notice-warning").doesNotContain("notice-success");
        assertThat(saved.getText()).startsWith("Saved, but your reading looks implausible").contains("unusually high", "999,999 kWh")
                .doesNotContain("Thank you").doesNotContain("consumption since");
        assertThat(api("/v1/metering/reading/" + meter + "/" + t1 + "?size=1").get("hits").asLong()).isEqualTo(hits + 1);

        open("#/" + meter + "/" + t1 + "/consumption?view=month&date=" + java.time.LocalDate.now(java.time.ZoneId.of(Chromium.TIME_ZONE)),
                "consumption");
        assertThat(chromium.driver.findElement(By.cssSelector("ul.implausible")).getText()).contains("999,999 kWh");
        open("#/" + meter + "/" + t1 + "/readings", "readings");
        assertThat(chromium.driver.findElement(By.cssSelector("#readings tbody tr.implausible")).getText())
                .contains("999,999", "implausible, not counted");
        // not counted: no consumption since the previous reading either
        assertThat(chromium.driver.findElement(By.cssSelector("#readings tbody tr.implausible")).findElements(By.tagName("td")).get(1).getText())
                .isEqualTo("—");
    }

    /**
     * The demo's household meters were last read long ago (the Liander gas meter in 2023): the form shows only the lower end,
     * yet the service's bound still tells a slip, and a value a hundred times the last reading is asked about before it is sent.
     * Before germanReadsADecimalCommaExactly stores a reading of today on that meter.
     */
    @Test
    @Order(55)
    void aHundredfoldSlipLongAfterTheLastReadingIsAskedAboutThoughNoUpperEndIsShown() throws Exception {
        long hits = api("/v1/metering/reading/" + GAS + "/" + GAS_M3 + "?size=1").get("hits").asLong();
        open("#/" + GAS + "/submit", "submit");
        chromium.await(d -> d.findElement(By.id("value-" + GAS_M3 + "-hint")).getText().equals("At least 11,430.6 m³"));
        WebElement value = chromium.driver.findElement(By.id("value-" + GAS_M3));
        value.sendKeys("1143060"); // 11,430.6 with its decimal point lost and a digit too many: x100
        chromium.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        WebElement check = chromium.awaitElement("#submit-outcome #submit-check");
        assertThat(check.getText()).contains("Please check", "1,143,060 m³ is above the expected", "Send anyway");
        assertThat(api("/v1/metering/reading/" + GAS + "/" + GAS_M3 + "?size=1").get("hits").asLong()).isEqualTo(hits);
        chromium.driver.findElement(By.id("submit-change")).click();
        assertThat(chromium.driver.findElements(By.id("submit-check"))).isEmpty();
        value.clear();
    }

    @Test
    @Order(75)
    void aDateTheServiceRefusesLeavesNoStaleRange() {
        open("#/" + GAS + "/submit", "submit");
        chromium.await(d -> !d.findElement(By.id("value-" + GAS_M3 + "-hint")).getText().isEmpty());
        // as while a year is typed digit by digit: 0005 is a date the service refuses (400)
        ((org.openqa.selenium.JavascriptExecutor) chromium.driver).executeScript(
                "const d = document.getElementById('reading-date'); d.value = '0005-01-01';"
                        + " d.dispatchEvent(new Event('change', { bubbles: true }));");
        chromium.await(d -> d.findElement(By.id("value-" + GAS_M3 + "-hint")).getText().isEmpty());
    }

    @Test
    @Order(76)
    void aSlipIsCorrectedRightAwayAtTheOfferedTime() throws Exception {
        open("#/" + GAS + "/submit", "submit");
        WebElement value = chromium.driver.findElement(By.id("value-" + GAS_M3));
        chromium.await(d -> !d.findElement(By.id("value-" + GAS_M3 + "-hint")).getText().isEmpty());
        value.sendKeys("11431600"); // 11,431.6 typed without its decimal point
        chromium.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        // no upper end shown (no recent rate): sent at once; saved, implausible, said first, no consumption shown
        WebElement saved = chromium.awaitElement("#submit-outcome #submit-saved");
        assertThat(saved.getText()).startsWith("Saved, but your reading looks implausible").contains("unusually high")
                .doesNotContain("consumption since");
        chromium.await(d -> d.findElement(By.id("value-" + GAS_M3)).getAttribute("value").isEmpty());

        // the date and time are still as offered, the same minute: the correction takes its own instant
        value.sendKeys("11432");
        chromium.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        chromium.await(d -> d.findElement(By.cssSelector("#submit-outcome .notice-success")).getText().contains("11,432 m³"));
        assertThat(chromium.driver.findElement(By.id("value-" + GAS_M3 + "-error")).getText()).isEmpty();
        JsonNode latest = api("/v1/metering/reading/" + GAS + "/" + GAS_M3 + "?sort=desc&size=2").get("results");
        assertThat(latest.get(0).get("value").decimalValue()).isEqualByComparingTo("11432");
        assertThat(latest.get(1).get("value").decimalValue()).isEqualByComparingTo("11431600");
        assertThat(latest.get(1).get("status").asText()).isEqualTo("implausible");
        assertThat(latest.get(0).get("timestamp").asText()).isNotEqualTo(latest.get(1).get("timestamp").asText());
    }

    @Test
    @Order(77)
    void myMetersKeepsNumbersWholeAndShowsNoForecastFromAnOldReading() {
        open("#/meters", "meters");
        // the AMPds2 gas meter's last reading is from 2014: no extrapolated consumption since then
        assertThat(card(DemoIds.AMPDS2_GAS.toString()).getText()).contains("no recent reading").doesNotContain("since last reading");
        assertThat(chromium.driver.findElements(By.cssSelector(".stats .qty"))).isNotEmpty();
        for (int width : new int[] {1280, 360}) {
            chromium.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            Object split = chromium.script("return [...document.querySelectorAll('.stats .qty')]"
                    + ".filter(e => e.getClientRects().length !== 1).map(e => e.textContent)");
            assertThat((List<?>) split).as("values broken across lines at %d px", width).isEmpty();
        }
        chromium.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    @Test
    @Order(77)
    void aDateKeepsOneLineInEveryTableAndCardAtDesktopAndPhoneWidthsInBothLanguages() {
        List<String[]> pages = List.of(new String[] {"meters", "#/meters"},
                new String[] {"readings", "#/" + GAS + "/" + GAS_M3 + "/readings"},
                new String[] {"consumption", "#/" + WATER + "/" + WATER_L + "/consumption?view=month&date=2013-05-01"},
                new String[] {"consumption", "#/" + WATER + "/" + WATER_L + "/consumption?view=week&date=2013-05-01"},
                new String[] {"consumption", "#/" + WATER + "/" + WATER_L + "/consumption?view=year&date=2013-05-01"});
        List<String> broken = new ArrayList<>();
        try {
            for (String language : List.of("en", "de")) {
                open("#/meters", "meters");
                new Select(chromium.driver.findElement(By.id("language"))).selectByValue(language);
                chromium.await(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
                for (int width : new int[] {1280, 390}) {
                    chromium.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                    for (String[] page : pages) {
                        open(page[1], page[0]);
                        datesOnSeveralLines().forEach(d -> broken.add(language + " " + width + " px " + page[1] + ": " + d));
                    }
                }
            }
        } finally {
            chromium.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            open("#/meters", "meters");
            new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        }
        assertThat(broken).as("dates broken over lines").isEmpty();
    }

    /**
     * The dates of the page's tables (each row's date or period cell) and meter cards (a last
     * reading's time) whose text takes more than one line box.
     */
    @SuppressWarnings("unchecked")
    private static List<String> datesOnSeveralLines() {
        return (List<String>) chromium.script("const lines = (node) => { const r = document.createRange(); r.selectNodeContents(node);"
                + " return new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top))).size; };"
                + "return [...document.querySelectorAll('main tbody th[scope=row], main .meter .when')]"
                + " .filter((e) => e.getClientRects().length > 0 && e.firstChild && lines(e.firstChild) > 1).map((e) => e.textContent);");
    }

    @Test
    @Order(78)
    void aRemovedMeterShowsThatItIsClosedInsteadOfTheForm() throws Exception {
        String meter = DemoIds.AMPDS2_GAS.toString();
        HttpResponse<String> removed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/admin/meters/" + meter))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"decommissioned\",\"decommissioned_at\":\"2024-05-31\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        open("#/" + meter + "/submit", "submit");
        assertThat(chromium.awaitElement("#submit-closed").getText()).contains("removed on", "2024");
        assertThat(chromium.driver.findElements(By.cssSelector("form"))).isEmpty();
        open("#/meters", "meters");
        assertThat(card(meter).getText()).contains("removed").doesNotContain("Forecast for");
    }

    /**
     * A meter past its decommissioned_at is removed whatever its status says (the service refuses its readings): My meters says
     * "removed on <date>" and offers no form, as for a decommissioned meter; a closing still ahead says when, the form still offered.
     * The meter is reopened afterwards.
     */
    @Test
    @Order(79)
    void aMeterPastItsDecommissioningInstantReadsRemovedAndAPlannedRemovalSaysWhen() throws Exception {
        String ahead = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
        Instant past = Instant.now().minusSeconds(1);
        try {
            patchAsAdmin(WATER, "{\"decommissioned_at\":\"" + ahead + "\"}");
            open("#/meters", "meters");
            assertThat(card(WATER).getText()).contains("in use, to be removed on " + shownDate(ahead));
            assertThat(card(WATER).findElements(By.cssSelector("a[href$='/submit']"))).hasSize(1);

            patchAsAdmin(WATER, "{\"decommissioned_at\":\"" + past + "\"}");
            open("#/meters", "meters");
            assertThat(card(WATER).getText()).contains("removed on " + shownDate(past.toString())).doesNotContain("to be removed")
                    .doesNotContain("Forecast for");
            assertThat(card(WATER).findElements(By.cssSelector("a[href$='/submit']"))).isEmpty();
            open("#/" + WATER + "/submit", "submit");
            assertThat(chromium.awaitElement("#submit-closed").getText()).contains("removed on");
        } finally {
            patchAsAdmin(WATER, "{\"status\":\"active\"}");
        }
        open("#/meters", "meters");
        assertThat(card(WATER).getText()).doesNotContain("removed");
    }

    private static void postAsAdmin(String reading) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/reading"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(reading)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static void patchAsAdmin(String meter, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/admin/meters/" + meter))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** A closing's date as the portal shows it: the page's language, medium; a date alone as that very day. */
    private static String shownDate(String at) {
        return (String) chromium.script("const dateOnly = /^\\d{4}-\\d{2}-\\d{2}$/.test(arguments[0]);"
                + " return new Intl.DateTimeFormat(document.documentElement.lang, dateOnly ? { dateStyle: 'medium', timeZone: 'UTC' }"
                + " : { dateStyle: 'medium' }).format(new Date(arguments[0]));", at);
    }

    @Test
    @Order(80)
    void everyPageHasNoSeriousAccessibilityViolationsAndFitsAPhone() throws Exception {
        String screenshots = System.getProperty("portal.screenshots");
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("meters", "#/meters");
        pages.put("submit", "#/" + DemoIds.LIANDER_POWER + "/submit");
        pages.put("consumption", "#/" + WATER + "/" + WATER_L + "/consumption?view=month&date=2013-05-01");
        pages.put("readings", "#/" + GAS + "/" + GAS_M3 + "/readings");
        List<String> problems = PageAudit.problems(chromium, pages, PortalBrowserTest::open, screenshots, "");
        assertThat(problems).isEmpty();
    }

    /**
     * A household's two-way register (docs/domain.md "Direction"): its counter declares no direction and has no OBIS code, so
     * a reading must name one. In an organization of its own, so the demo customer's meters stay as they are.
     */
    @Test
    @Order(87)
    void onACounterOfBothDirectionsTheHouseholdChoosesTheReadingsDirection() throws Exception {
        String org = "two-way-org";
        String staff = service.tokens.admin(org, "browser-admin");
        // the operator's title is the meter number again: the page names the meter once
        String meter = send("POST", "/v1/metering/admin/meters", staff, "{\"sector\":\"power\",\"meter_number\":\"TW-0002\",\"_title\":\"TW-0002\","
                + "\"customer\":{\"$relation\":[{\"entity_id\":\"" + DemoIds.CONTACT_ID + "\",\"_slug\":\"contact\"}]}}").get("data")
                .get("_id").asText();
        String counter = send("POST", "/v1/metering/admin/meters/" + meter + "/counters", staff, "{\"_title\":\"Two-way register\",\"unit\":\"kWh\"}")
                .get("data").get("_id").asText();
        Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        for (String[] r : List.of(new String[] {"feed-out", "100.5", yesterday.toString()},
                new String[] {"feed-in", "20.25", yesterday.plus(Duration.ofMinutes(1)).toString()})) {
            send("POST", "/v1/metering/reading", staff, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter + "\",\"direction\":\""
                    + r[0] + "\",\"value\":" + r[1] + ",\"timestamp\":\"" + r[2] + "\",\"source\":\"ERP\"}");
        }
        String household = service.tokens.portal(org, "two-way-customer", DemoIds.CONTACT_ID);
        chromium.driver.get(PortalLink.of(base, household));
        awaitView("meters");
        try {
            assertThat(card(meter).findElement(By.tagName("h2")).getText()).isEqualTo("TW-0002");
            open("#/" + meter + "/submit", "submit");
            WebElement direction = chromium.driver.findElement(By.id("direction-" + counter));
            assertThat(chromium.driver.findElement(By.cssSelector("label[for='direction-" + counter + "']")).getText()).isEqualTo("Direction");
            assertThat(new Select(direction).getOptions()).extracting(WebElement::getText)
                    .containsExactly("Choose the direction", "consumption", "feed-in");

            // a value without a direction is not sent: said next to the field
            chromium.driver.findElement(By.id("value-" + counter)).sendKeys("120.5");
            chromium.driver.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(chromium.awaitElement("#value-" + counter + "-error:not(:empty)").getText())
                    .isEqualTo("Please choose whether this reading is consumption or feed-in.");
            assertThat(direction.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(chromium.script("return document.activeElement.id")).isEqualTo("direction-" + counter);
            assertThat(send("GET", "/v1/metering/reading/" + meter + "/" + counter + "?size=1", staff, null).get("hits").asLong()).isEqualTo(2);

            // the allowed range is shown only for its own direction: the service answers the latest reading's (feed-in) and
            // none for feed-out (getAllowedReadingForMeter gives one range per counter), so nothing is hinted before a choice,
            // and for feed-out the hint says that it has no range rather than showing feed-in's
            WebElement hint = chromium.driver.findElement(By.id("value-" + counter + "-hint"));
            assertThat(hint.getText()).isEmpty();
            new Select(direction).selectByValue("feed-in");
            chromium.await(d -> hint.getText().contains("20.25"));
            new Select(direction).selectByValue("feed-out");
            chromium.await(d -> hint.getText().equals("We can show the expected range of this register only for feed-in readings;"
                    + " a consumption reading is checked when you send it."));
            // below the previous feed-out reading (100.5): refused in words that name no value the page does not know
            chromium.driver.findElement(By.id("value-" + counter)).clear();
            chromium.driver.findElement(By.id("value-" + counter)).sendKeys("50");
            chromium.driver.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(chromium.awaitElement("#value-" + counter + "-error:not(:empty)").getText())
                    .isEqualTo("This is lower than your previous consumption reading. Please check the digits before the decimal point.");
            chromium.driver.findElement(By.id("value-" + counter)).clear();
            chromium.driver.findElement(By.id("value-" + counter)).sendKeys("120.5");
            // the direction chosen, the reading is stored in it, exactly
            new Select(direction).selectByValue("feed-in");
            chromium.await(d -> hint.getText().contains("20.25"));
            chromium.driver.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(chromium.awaitElement("#submit-outcome .notice-success").getText()).contains("Two-way register (feed-in): 120.5 kWh");
            JsonNode stored = send("GET", "/v1/metering/reading/" + meter + "/" + counter + "?direction=feed-in&sort=desc&size=1", staff, null)
                    .get("results").get(0);
            assertThat(stored.get("value").decimalValue()).isEqualTo(new BigDecimal("120.5"));
            assertThat(stored.get("source").asText()).isEqualTo("ECP");

            assertThat(chromium.driver.findElement(By.cssSelector("h1 + p.muted")).getText()).isEqualTo("Meter number TW-0002");

            // My readings: each reading with its direction, its consumption since the previous reading of that direction
            open("#/" + meter + "/" + counter + "/readings", "readings");
            @SuppressWarnings("unchecked")
            List<String> rows = (List<String>) chromium.script("return [...document.querySelectorAll('#readings tbody tr')].map((row) =>"
                    + " [row.querySelector('td.direction')?.textContent, ...[...row.querySelectorAll('td.num')].map((c) => c.textContent)].join(' '));");
            assertThat(rows).containsExactly("feed-in 120.5 100.25", "feed-in 20.25 0", "consumption 100.5 0");

            Map<String, String> pages = new java.util.LinkedHashMap<>();
            pages.put("submit-two-way", "#/" + meter + "/submit");
            pages.put("readings-two-way", "#/" + meter + "/" + counter + "/readings");
            assertThat(PageAudit.problems(chromium, pages, (route, view) -> open(route, view.replace("-two-way", "")),
                    System.getProperty("portal.screenshots"), "")).isEmpty();
        } finally {
            chromium.driver.get(PortalLink.of(base, portal));
            awaitView("meters");
        }
    }

    private static JsonNode send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(method + " " + path + " " + r.body()).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    @Test
    @Order(90)
    void anExpiredOrRefusedTokenLeadsBackToSignIn() throws Exception {
        String expired = service.tokens.withClock(Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC))
                .portal(DemoIds.ORG.value(), "browser-customer", DemoIds.CONTACT_ID);
        chromium.driver.get(PortalLink.of(base, expired));
        awaitView("signin");
        assertThat(chromium.driver.findElement(By.tagName("main")).getText()).contains("Your session has ended");

        String foreign = BearerTokens.hs256("another-secret-the-service-does-not-know-32b")
                .portal(DemoIds.ORG.value(), "browser-customer", DemoIds.CONTACT_ID);
        chromium.driver.get(PortalLink.of(base, foreign));
        awaitView("signin");
        assertThat(chromium.driver.findElement(By.tagName("main")).getText()).contains("Your session has ended");
        assertThat(chromium.script("return sessionStorage.getItem('metering.portal.token')")).isNull();
    }

    @Test
    @Order(100)
    void signingOutForgetsTheToken() {
        chromium.driver.get(PortalLink.of(base, portal));
        awaitView("meters");
        chromium.driver.findElement(By.id("sign-out")).click();
        awaitView("signin");
        assertThat(chromium.script("return sessionStorage.getItem('metering.portal.token')")).isNull();
        assertThat(chromium.driver.findElements(By.id("sign-out"))).isEmpty();
    }

    @Test
    @Order(85)
    void theKeyboardAloneSkipsToTheContentAndSendsAReading() {
        open("#/meters", "meters");
        chromium.driver.navigate().refresh();
        awaitView("meters");
        // a fresh load keeps the browser's start: the first Tab reaches the skip link
        new Actions(chromium.driver).sendKeys(Keys.TAB).perform();
        assertThat(chromium.script("return document.activeElement.className")).isEqualTo("skip");
        new Actions(chromium.driver).sendKeys(Keys.ENTER).perform();
        assertThat(chromium.script("return document.activeElement.id")).isEqualTo("main");
        assertThat(chromium.driver.getCurrentUrl()).endsWith("#/meters");

        open("#/" + WATER + "/submit", "submit");
        // the page's heading has focus after each page change, for screen readers; the form follows it
        assertThat(chromium.script("return document.activeElement.tagName")).isEqualTo("H1");
        chromium.driver.findElement(By.id("value-" + WATER_L)).sendKeys("1", Keys.ENTER);
        // refused (below the previous reading, or a duplicate when an earlier test wrote one this minute): said next to the field
        assertThat(chromium.awaitElement("#value-" + WATER_L + "-error:not(:empty)").getText()).containsAnyOf(
                "lower than your previous reading", "already a reading at exactly this date and time");
        assertThat(chromium.script("return document.activeElement.id")).isEqualTo("value-" + WATER_L);
    }

    @Test
    @Order(110)
    void anotherOriginReachesTheApiOnlyWhenListed() throws Exception {
        for (String origin : List.of(ALLOWED_ORIGIN, "https://elsewhere.example.net")) {
            HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/readings/" + WATER))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type").build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/metering/meter")).header("Origin", origin)
                    .header("Authorization", "Bearer " + portal).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).isEqualTo(200);
            if (origin.equals(ALLOWED_ORIGIN)) {
                assertThat(preflight.statusCode()).isEqualTo(204);
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
                assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).contains(origin);
            } else {
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
                assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
            }
        }
    }

    private static void open(String route, String view) {
        chromium.open(base + "/portal/" + route, view);
    }

    private static void awaitView(String view) {
        chromium.awaitView(view);
    }

    private static WebElement card(String meterId) {
        return chromium.driver.findElement(By.cssSelector("li.meter[data-meter='" + meterId + "']"));
    }

    private static JsonNode api(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + portal).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
