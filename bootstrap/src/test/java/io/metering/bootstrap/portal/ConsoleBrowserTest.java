package io.metering.bootstrap.portal;

import io.metering.testing.BearerTokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metering.bootstrap.cli.PortalLink;
import io.metering.bootstrap.demo.DemoIds;
import com.sun.net.httpserver.HttpServer;
import io.metering.testing.Http;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The back-office console in a real browser (Debian's Chromium, headless) against the real service on
 * the demo data: the admin sign-in link, German, the portal's consumption chart, finding the demo electricity meter by its MaLo id, correcting
 * a reading, the pending-changeset queue of a governed meter (apply changes the series, dismiss does
 * not; one edited first; its buttons in view and its identifiers whole at 1280 px in English and German; j works
 * on the page and marks its row visibly; empty, it offers nothing to act on), accepting an implausible reading, the
 * empty queue of implausible readings, the queue with readings (each row's counter, buttons in view and
 * identifiers whole in English and German, history beside, accept and delete by keyboard and selection, counts from the API), a CSV import with its result and refusals,
 * a counter of both directions (each reading's direction in its table, the queues and the form, which asks for one),
 * a webhook subscription with its delivered test message and a disabled one without a next attempt, a portal token
 * refused (403) and said so, acting for another organization, accessibility (axe-core) at 1280 px and no sideways scrolling at 360 px.
 * With {@code -Dconsole.screenshots=<dir>} it writes the screenshots of docs/console.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    private static final String SECRET = "console-browser-test-secret-of-at-least-32-bytes";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String POWER = DemoIds.LIANDER_POWER.toString();
    private static final String POWER_T1 = DemoIds.lianderPowerRegister(1).toString();
    private static final String GAS = DemoIds.AMPDS2_GAS.toString();
    private static final String GAS_VOLUME = DemoIds.AMPDS2_GAS_VOLUME.toString();
    private static final String WATER = DemoIds.AMPDS2_WATER.toString();
    private static final String WATER_L = DemoIds.AMPDS2_WATER_VOLUME.toString();
    /** The organization of the two-way register's meter. */
    private static final String TWO_WAY_ORG = "two-way-org";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path browserDir;

    private static DemoService service;
    private static String base;
    private static Http http;
    private static String portal;
    private static String admin;
    private static Chromium chromium;

    @BeforeAll
    static void startServiceAndBrowser() throws Exception {
        chromium = Chromium.start(browserDir, "en-US");
        service = DemoService.start(dataDir, SECRET, Map.of("METERING_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1"), "console");
        base = service.base;
        http = new Http(base);
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
    void theSignInLinkOpensTheSearchAndTheMaLoIdFindsTheDemoElectricityMeter() {
        chromium.driver.get(PortalLink.console(base, admin));
        chromium.awaitView("meters");
        assertThat(chromium.driver.getCurrentUrl()).doesNotContain("token").endsWith("/console/#/meters");
        assertThat(chromium.script("return sessionStorage.getItem('metering.console.token')")).isEqualTo(admin);
        assertThat(chromium.driver.findElements(By.cssSelector("#meters tbody tr"))).hasSize(4);

        assertThat(chromium.driver.findElement(By.id("search-summary")).getText()).isEqualTo("4 meters found");

        // the server finds as you type (the admin meter list's q): a MaLo id prefix, then the whole id
        chromium.driver.findElement(By.id("meter-search")).sendKeys("87100000000000001");
        chromium.await(d -> d.findElements(By.cssSelector("#meters tbody tr")).size() == 1);
        chromium.driver.findElement(By.id("meter-search")).sendKeys("1");
        chromium.await(d -> d.getCurrentUrl().endsWith("#/meters?q=871000000000000011"));
        assertThat(chromium.driver.findElement(By.id("search-summary")).getText()).isEqualTo("1 meter found");
        WebElement found = chromium.driver.findElement(By.cssSelector("#meters tbody tr"));
        assertThat(found.getText()).contains("E0000000000000011", "871000000000000011", "Electricity");

        found.findElement(By.tagName("a")).click();
        chromium.awaitView("meter");
        assertThat(chromium.driver.findElements(By.cssSelector("#counters tbody tr"))).hasSize(4);
        assertThat(chromium.driver.findElement(By.id("meter-attributes")).getText()).contains("ma_lo_id", "871000000000000011");
        assertThat(chromium.driver.findElement(By.id("counters")).getText()).contains("1-0:1.8.1", "16,945.1 kWh");
    }

    @Test
    @Order(15)
    void germanIsOneChoiceAwayAndTheConsumptionChartIsThePortals() {
        open("#/meters", "meters");
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Zähler finden"));
        assertThat(chromium.driver.findElement(By.id("account")).getText()).contains("Offene Änderungen", "Unplausible Zählerstände", "Importe");
        assertThat(chromium.driver.findElement(By.id("search-summary")).getText()).isEqualTo("4 Zähler gefunden");
        open("#/meter/" + POWER + "/" + POWER_T1, "counter");
        assertThat(chromium.driver.findElement(By.cssSelector("#readings tbody tr")).getText()).contains("16.945,1");
        // a counter that declares its direction: named with it, then its OBIS code; no direction to choose, no direction column
        assertThat(chromium.driver.findElement(By.id("counter-summary")).getText()).contains("Bezug").endsWith(" · 1-0:1.8.1");
        assertThat(chromium.driver.findElements(By.id("add-direction"))).isEmpty();
        assertThat(chromium.driver.findElements(By.cssSelector("#readings .direction"))).isEmpty();
        // the portal's terms: Zähler is the meter, Zählwerk the counter (register), Zählerstand the reading
        assertThat(chromium.driver.findElement(By.cssSelector(".crumbs")).getText()).isEqualTo("Zähler › Zähler E0000000000000011 › Zählwerk");
        assertThat(chromium.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Zählerstände");
        String options = chromium.driver.findElement(By.id("add-reading")).getText();
        assertThat(options).contains("Reihenfolge nicht prüfen", "Direkt speichern", "ohne Änderungsvorschlag")
                .doesNotContain("skip_validation").doesNotContain("direct");
        assertThat(chromium.driver.findElement(By.id("add-skip")).getAttribute("aria-describedby")).isEqualTo("add-skip-hint");
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Readings"));
        assertThat(chromium.driver.findElement(By.cssSelector(".crumbs")).getText()).isEqualTo("Meters › Meter E0000000000000011 › Counter");
        assertThat(chromium.driver.findElement(By.id("add-reading")).getText()).contains("Skip the order checks", "Store directly")
                .doesNotContain("skip_validation");

        chromium.driver.findElement(By.id("consumption-link")).click();
        chromium.awaitView("consumption");
        chromium.awaitElement(".chart canvas");
        assertThat(chromium.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Consumption");
    }

    @Test
    @Order(20)
    void aReadingIsCorrectedWithAReason() throws Exception {
        open("#/meter/" + POWER + "/" + POWER_T1, "counter");
        JsonNode before = latest(POWER, POWER_T1);
        WebElement newest = chromium.driver.findElement(By.cssSelector("#readings tbody tr"));
        assertThat(newest.getText()).contains("16,945.1");
        newest.findElement(By.cssSelector("button[data-action='correct']")).click();
        answer("16945.25");
        answer("meter photo shows 16945.25");
        chromium.awaitView("counter");
        chromium.await(d -> d.findElement(By.cssSelector("#readings tbody tr")).getText().contains("16,945.25"));

        JsonNode latest = latest(POWER, POWER_T1);
        assertThat(latest.get("value").decimalValue()).isEqualByComparingTo("16945.25");
        // the explanation is the reading's remark, shown under its reason; its reason code is not replaced by it
        assertThat(latest.get("remark").asText()).isEqualTo("meter photo shows 16945.25");
        assertThat(latest.path("reason").textValue()).isEqualTo(before.path("reason").textValue());
        assertThat(chromium.driver.findElement(By.cssSelector("#readings tbody tr .remark")).getText()).isEqualTo("meter photo shows 16945.25");
        // confirmed as Add confirms (docs/console.md)
        assertThat(chromium.awaitElement("#row-result .notice-success").getText()).isEqualTo("Saved.");
    }

    @Test
    @Order(21)
    void aCorrectionThatWouldBreakTheSeriesIsRefusedAndChangesNothing() throws Exception {
        open("#/meter/" + POWER + "/" + POWER_T1, "counter");
        JsonNode before = api("/v1/metering/reading/" + POWER + "/" + POWER_T1 + "?sort=desc&size=2", admin).get("results").get(1);
        WebElement second = chromium.driver.findElements(By.cssSelector("#readings tbody tr")).get(1);
        second.findElement(By.cssSelector("button[data-action='correct']")).click();
        answer("99999.5");
        answer("typed too many digits");
        // above the newest reading: the rules hold in the console as in the API (docs/domain.md)
        chromium.await(d -> d.getPageSource().contains("greater_than_subsequent"));
        // in German the documented reason is told in German, the API's English message kept in the notice's title
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Zählerstände"));
        chromium.driver.findElements(By.cssSelector("#readings tbody tr")).get(1).findElement(By.cssSelector("button[data-action='correct']"))
                .click();
        answer("99999,5");
        answer("zu viele Stellen");
        WebElement refusal = chromium.await(d -> d.findElements(By.cssSelector("#row-result .notice-error")).stream()
                .filter(e -> e.getText().startsWith("Der Wert")).findFirst().orElse(null));
        // the API's English message follows as the service wrote it: German notation inside an English sentence misreads
        // ("99.999,5" there reads as about a hundred)
        assertThat(refusal.getText()).startsWith("Der Wert ist größer als ein späterer Zählerstand dieses Zählwerks. Meldung des Dienstes: "
                + "value 99999.5 is greater than the subsequent reading ").endsWith(" (greater_than_subsequent)")
                .doesNotContain("99.999,5");
        assertThat(refusal.getAttribute("title")).isNotBlank().doesNotContain("Zählerstand");
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Readings"));

        JsonNode after = api("/v1/metering/reading/" + POWER + "/" + POWER_T1 + "?sort=desc&size=2", admin).get("results").get(1);
        assertThat(after.get("timestamp").asText()).isEqualTo(before.get("timestamp").asText());
        assertThat(after.get("value").decimalValue()).isEqualByComparingTo(before.get("value").decimalValue());
    }

    @Test
    @Order(30)
    void aPortalReadingOnAGovernedMeterWaitsInTheQueueAndIsAppliedAnotherIsDismissed() throws Exception {
        send("PATCH", "/v1/metering/admin/meters/" + GAS, admin, "{\"reading_governance\":{\"edit_mode\":\"approval\"}}", 200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String[] reading : List.of(new String[] {"1086032.5", now.minus(2, ChronoUnit.HOURS).toString()},
                new String[] {"1086040", now.minus(1, ChronoUnit.HOURS).toString()})) {
            send("POST", "/v1/metering/reading", portal, "{\"meter_id\":\"" + GAS + "\",\"counter_id\":\"" + GAS_VOLUME + "\",\"value\":"
                    + reading[0] + ",\"source\":\"ECP\",\"timestamp\":\"" + reading[1] + "\"}", 200);
        }
        assertThat(latest(GAS, GAS_VOLUME).get("value").decimalValue()).isEqualByComparingTo("1086031.863");

        open("#/changesets", "changesets");
        chromium.await(d -> d.findElements(By.cssSelector("#nav-changesets #changeset-count")).stream().anyMatch(e -> e.getText().equals("2")));
        assertThat(chromium.driver.findElement(By.id("shortcuts")).getText()).contains("a apply", "e edit", "d dismiss");
        assertThat(chromium.driver.findElement(By.id("changeset-intro")).getText()).isEqualTo("2 proposals wait for approval, oldest first.");
        List<WebElement> rows = chromium.driver.findElements(By.cssSelector("#changesets tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("1,086,032.5");
        assertThat(rows.get(1).getText()).contains("1,086,040");

        // every action stays in view at 1280 px, in English and in German (the longest labels: "Verwerfen")
        assertThat(actionsOutOfView("#changesets")).isEmpty();
        assertThat(identifiersBroken("#changesets")).isEmpty();
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Offene Änderungen"));
        assertThat(chromium.driver.findElement(By.id("changesets")).getText()).contains("Verwerfen");
        assertThat(chromium.driver.findElement(By.id("changesets")).getAttribute("textContent")).contains("Kundenportal console-customer");
        assertThat(chromium.driver.findElement(By.cssSelector("#changesets td.source .coded")).getAttribute("title")).isEqualTo("ECP");
        assertThat(actionsOutOfView("#changesets")).isEmpty();
        assertThat(identifiersBroken("#changesets")).isEmpty();
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Pending changesets"));

        // the actions on the selection wait for one
        WebElement applySelected = chromium.driver.findElement(By.id("apply-selected"));
        assertThat(applySelected.isEnabled()).isFalse();
        assertThat(chromium.driver.findElement(By.id("dismiss-selected")).isEnabled()).isFalse();
        WebElement box = chromium.driver.findElement(By.cssSelector("#changesets tbody tr input[type='checkbox']"));
        box.click();
        assertThat(applySelected.isEnabled()).isTrue();
        box.click();
        assertThat(applySelected.isEnabled()).isFalse();

        // the keyboard works as soon as the page is shown: j marks the first row visibly, a applies it
        open("#/changesets", "changesets");
        pressOnThePage("j");
        assertSelectedRowStandsOut("#changesets");
        chromium.driver.switchTo().activeElement().sendKeys("a");
        chromium.await(d -> d.findElements(By.cssSelector("#changesets tbody tr")).size() == 1);
        assertThat(latest(GAS, GAS_VOLUME).get("value").decimalValue()).isEqualByComparingTo("1086032.5");

        // edit the proposal: the series stays as it is, the changeset proposes the new value
        chromium.driver.findElement(By.cssSelector("#changesets tbody tr button[data-action='edit']")).click();
        answer("1086035.75");
        chromium.await(d -> d.findElement(By.id("changesets")).getText().contains("1,086,035.75"));
        assertThat(api("/v1/metering/reading/" + GAS + "/" + GAS_VOLUME + "/changesets", admin).get("changesets").get(0)
                .get("proposed").get("value").decimalValue()).isEqualByComparingTo("1086035.75");
        assertThat(latest(GAS, GAS_VOLUME).get("value").decimalValue()).isEqualByComparingTo("1086032.5");

        chromium.driver.findElement(By.cssSelector("#changesets tbody tr button[data-action='dismiss']")).click();
        answer("customer typed an extra digit");
        chromium.await(d -> d.findElement(By.id("changesets")).getText().contains("Nothing waits for approval"));
        // an empty queue says so once, and offers nothing to act on
        assertThat(chromium.driver.findElements(By.id("changeset-intro"))).isEmpty();
        assertThat(chromium.driver.findElement(By.tagName("main")).getText()).containsOnlyOnce("Nothing waits for approval");
        assertThat(visibleActions()).isEmpty();
        assertThat(latest(GAS, GAS_VOLUME).get("value").decimalValue()).isEqualByComparingTo("1086032.5");
        assertThat(api("/v1/metering/reading/" + GAS + "/" + GAS_VOLUME + "/changesets", admin).get("changesets")).isEmpty();
    }

    @Test
    @Order(40)
    void anImplausibleReadingIsAcceptedAsValid() throws Exception {
        JsonNode stored = JSON.readTree(send("POST", "/v1/metering/reading", admin, "{\"meter_id\":\"" + POWER + "\",\"counter_id\":\""
                + POWER_T1 + "\",\"value\":999999,\"source\":\"ERP\"}", 200));
        assertThat(latest(POWER, POWER_T1).get("status").asText()).as(stored.toString()).isEqualTo("implausible");

        open("#/meter/" + POWER + "/" + POWER_T1, "counter");
        // the table and every row's actions in view at 1280 px, in English and in German ("Als gültig annehmen")
        assertThat(actionsOutOfView("#readings")).isEmpty();
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Zählerstände"));
        assertThat(chromium.driver.findElement(By.id("readings")).getText()).contains("Als gültig annehmen", "Korrigieren");
        assertThat(actionsOutOfView("#readings")).isEmpty();
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Readings"));
        WebElement row = chromium.driver.findElement(By.cssSelector("#readings tbody tr.implausible"));
        assertThat(row.getText()).contains("999,999");
        row.findElement(By.cssSelector("button[data-action='accept']")).click();
        chromium.await(d -> d.findElements(By.cssSelector("#readings tbody tr.implausible")).isEmpty());
        JsonNode latest = latest(POWER, POWER_T1);
        assertThat(latest.get("value").decimalValue()).isEqualByComparingTo("999999");
        assertThat(latest.get("status").asText()).isEqualTo("valid");
    }

    @Test
    @Order(45)
    void anEmptyImplausibleQueueSaysSoOnceAndOffersNothingToActOn() throws Exception {
        assertThat(api("/v1/metering/admin/implausible-readings?size=0", admin).get("count").asLong()).isZero();
        open("#/implausible", "implausible");
        for (String[] language : List.of(new String[] {"de", "Unplausible Zählerstände", "Kein Zählerstand ist als unplausibel markiert."},
                new String[] {"en", "Implausible readings", "No reading is marked implausible."})) {
            new Select(chromium.driver.findElement(By.id("language"))).selectByValue(language[0]);
            chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals(language[1]));
            assertThat(chromium.driver.findElement(By.tagName("main")).getText()).as(language[0]).containsOnlyOnce(language[2]);
            assertThat(visibleActions()).as(language[0]).isEmpty();
            assertThat(chromium.driver.findElements(By.id("implausible-aside"))).as("an empty history card").isEmpty();
        }
    }

    @Test
    @Order(50)
    void aCsvImportShowsItsResultAndARefusedOneItsRefusals() throws Exception {
        String at = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        Path good = Files.writeString(browserDir.resolve("good.csv"),
                "meter_id,counter_id,timestamp,value\n" + WATER + "," + WATER_L + "," + at + ",600000.125\n");
        open("#/imports", "imports");
        chromium.driver.findElement(By.id("import-file")).sendKeys(good.toString());
        chromium.driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        chromium.awaitElement("#import-job[data-status='succeeded']");
        assertThat(chromium.driver.findElement(By.id("import-stored")).getText()).isEqualTo("1");
        assertThat(latest(WATER, WATER_L).get("value").decimalValue()).isEqualByComparingTo("600000.125");

        Path bad = Files.writeString(browserDir.resolve("bad.csv"),
                "meter_id,counter_id,timestamp,value\n" + WATER + "," + WATER_L + "," + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ",5\n");
        open("#/imports", "imports");
        chromium.driver.findElement(By.id("import-file")).sendKeys(bad.toString());
        chromium.driver.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        chromium.awaitElement("#import-job[data-status='failed']");
        assertThat(chromium.driver.findElement(By.id("refusals")).getText()).contains("less_than_previous");
        assertThat(latest(WATER, WATER_L).get("value").decimalValue()).isEqualByComparingTo("600000.125");
    }

    @Test
    @Order(55)
    void theImplausibleQueueShowsEachWithItsHistoryAndAcceptsOrDeletes() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String[] values = {"600000.2", "600000.3", "600000.4"};
        for (int i = 0; i < values.length; i++) {
            send("POST", "/v1/metering/reading", admin, "{\"meter_id\":\"" + WATER + "\",\"counter_id\":\"" + WATER_L + "\",\"value\":"
                    + values[i] + ",\"source\":\"ERP\",\"status\":\"implausible\",\"reason\":\"" + (i == 0 ? "regular" : "irregular")
                    + "\",\"timestamp\":\""
                    + now.minus(3 - i, ChronoUnit.MINUTES) + "\"}", 200);
        }

        open("#/implausible", "implausible");
        chromium.await(d -> d.findElements(By.cssSelector("#nav-implausible #implausible-count")).stream().anyMatch(e -> e.getText().equals("3")));
        assertThat(chromium.driver.findElement(By.id("implausible-intro")).getText()).startsWith("3 readings are marked implausible");
        List<WebElement> rows = chromium.driver.findElements(By.cssSelector("#implausible tbody tr"));
        assertThat(rows).extracting(WebElement::getText).satisfiesExactly(
                r -> assertThat(r).contains("600,000.4"), r -> assertThat(r).contains("600,000.3"), r -> assertThat(r).contains("600,000.2"));

        // each row names its counter (OBIS code), not only the meter
        String obis = counterOf(WATER, WATER_L).get("obis_number").asText();
        assertThat(obis).isNotBlank();
        assertThat(rows).allSatisfy(r -> assertThat(r.findElement(By.cssSelector(".counter-cell")).getText()).contains(obis));
        // every action in view and every identifier whole at 1280 px, in English and in German ("Annehmen", titled "Als gültig annehmen")
        assertThat(actionsOutOfView("#implausible")).isEmpty();
        assertThat(identifiersBroken("#implausible")).isEmpty();
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Unplausible Zählerstände"));
        assertThat(chromium.driver.findElement(By.id("implausible")).getText()).contains("Annehmen", "turnusmäßige Ablesung");
        assertThat(chromium.driver.findElement(By.cssSelector("#implausible button[data-action='accept']")).getAttribute("title"))
                .isEqualTo("Als gültig annehmen");
        assertThat(actionsOutOfView("#implausible")).isEmpty();
        assertThat(identifiersBroken("#implausible")).isEmpty();
        // every text cell (the reason's "turnusmäßige Ablesung" too) wraps only between words
        assertThat(identifiersBroken("#implausible", "tbody td:not(.num)")).isEmpty();
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Implausible readings"));

        // the keyboard works as soon as the page is shown; the focused reading's history is beside it (the import's reading before it)
        pressOnThePage("j");
        assertSelectedRowStandsOut("#implausible");
        chromium.await(d -> d.findElement(By.id("implausible-aside")).getText().contains("600,000.125"));
        chromium.await(d -> d.findElement(By.id("implausible-history")).getText().contains("600,000.4")
                && d.findElement(By.id("implausible-history")).getText().contains("implausible, not counted"));
        // the history card at 1280 px: each date and each time on one line, nothing past the card's edge
        Object history = chromium.script("const card = document.getElementById('implausible-aside');"
                + "const lines = (e) => new Set([...e.getClientRects()].map((r) => Math.round(r.top))).size;"
                + "const cells = [...card.querySelectorAll('tbody th .date, tbody th .time')];"
                + "return [cells.length, cells.filter((e) => lines(e) !== 1).length,"
                + " card.getBoundingClientRect().right - [...card.querySelectorAll('td, th')].reduce((m, c) => Math.max(m, c.getBoundingClientRect().right), 0)];");
        assertThat((List<?>) history).as("[dates and times, broken ones, room left at the card's right edge]")
                .satisfies(h -> assertThat(((Number) h.get(0)).intValue()).isPositive())
                .satisfies(h -> assertThat(((Number) h.get(1)).intValue()).isZero())
                .satisfies(h -> assertThat(((Number) h.get(2)).doubleValue()).isGreaterThanOrEqualTo(0));
        chromium.driver.switchTo().activeElement().sendKeys("a");
        chromium.await(d -> d.findElements(By.cssSelector("#implausible tbody tr")).size() == 2);
        JsonNode accepted = latest(WATER, WATER_L);
        assertThat(accepted.get("value").decimalValue()).isEqualByComparingTo("600000.4");
        assertThat(accepted.get("status").asText()).isEqualTo("valid");

        // select the newest left (x) and delete the selection with a reason
        chromium.driver.findElement(By.id("implausible-start")).click();
        chromium.driver.switchTo().activeElement().sendKeys("x");
        chromium.driver.findElement(By.id("delete-selected")).click();
        answer("register photo shows 600000.4 at that time");
        chromium.await(d -> d.findElements(By.cssSelector("#implausible tbody tr")).size() == 1);
        chromium.await(d -> d.findElement(By.id("implausible-count")).getText().equals("1"));
        assertThat(chromium.driver.findElement(By.cssSelector("#implausible tbody tr")).getText()).contains("600,000.2");
        JsonNode left = api("/v1/metering/admin/implausible-readings?meter_id=" + WATER, admin);
        assertThat(left.get("count").asLong()).isEqualTo(1);
        assertThat(left.get("data").get(0).get("value").decimalValue()).isEqualByComparingTo("600000.2");
    }

    @Test
    @Order(57)
    void theWebhooksViewShowsSubscriptionsWithTheirRecentDeliveries() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            JsonNode created = JSON.readTree(send("POST", "/v1/metering/webhooks", admin,
                    "{\"url\":\"" + url + "\",\"description\":\"ERP receiver\",\"event_types\":[\"io.metering.reading.created\"]}", 201));
            String id = created.get("data").get("id").asText();
            send("POST", "/v1/metering/webhooks/" + id + "/test", admin, "", 200);

            open("#/webhooks", "webhooks");
            WebElement subscription = chromium.driver.findElement(By.cssSelector("[data-webhook='" + id + "']"));
            assertThat(subscription.getText()).contains("ERP receiver", url, "io.metering.reading.created", "enabled, delivering");
            assertThat(subscription.findElement(By.cssSelector("tbody tr")).getText()).contains("io.metering.webhook.test", "204", "delivered");
            assertThat(subscription.findElements(By.cssSelector(".webhook-next"))).hasSize(1);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    @Order(58)
    void aDisabledSubscriptionShowsNoNextAttempt() throws Exception {
        JsonNode created = JSON.readTree(send("POST", "/v1/metering/webhooks", admin,
                "{\"url\":\"http://127.0.0.1:9/paused\",\"description\":\"paused receiver\",\"enabled\":false}", 201));
        String id = created.get("data").get("id").asText();
        // kept: the screenshots show it beside the delivering one
        open("#/webhooks", "webhooks");
        WebElement subscription = chromium.driver.findElement(By.cssSelector("[data-webhook='" + id + "']"));
        assertThat(subscription.findElement(By.cssSelector(".webhook-state")).getText()).startsWith("disabled");
        assertThat(subscription.findElements(By.cssSelector(".webhook-next"))).isEmpty();
        assertThat(subscription.getText()).doesNotContain("Next attempt");
    }

    /**
     * The codes of the enumerations the console shows (meter status, type, sector and reading echo,
     * direction, tariff, reading status, reason and source, relation kinds, changeset authors, import
     * job states). {@code 360}, a source, is left out: a number alone reads as no code.
     */
    private static final Set<String> CODES = Set.of("active", "decommissioned", "power", "water", "gas", "district_heating",
            "waste_water", "three-phase-meter", "bellow-gas-meter", "rotary-piston-meter", "smart-meter", "performance-meter",
            "maximum-meter", "turbine-gas-meter", "ultrasonic-gas-meter", "alternating-current-meter", "modern-metering-system",
            "intelligent-measuring-system", "electronic-meter", "same_day", "off", "approval", "external", "exact", "fuzzy",
            "same-day", "within-seconds", "feed-in", "feed-out", "ht", "nt", "valid",
            "in-validation", "implausible", "regular", "irregular", "last", "first", "meter_change", "contract_change",
            "meter_adjustment", "ECP", "ERP", "journey-submission", "contact", "contract", "user", "portal_user", "api_client",
            "automation", "queued", "running", "succeeded", "failed");

    @Test
    @Order(58)
    void inGermanNoPageShowsTheRawCodeOfAnEnumeration() throws Exception {
        send("PATCH", "/v1/metering/admin/meters/" + GAS, admin, "{\"meter_type\":\"electronic-meter\",\"reading_echo\":\"same_day\"}", 200);
        BigDecimal next = latest(GAS, GAS_VOLUME).get("value").decimalValue().add(BigDecimal.ONE);
        send("POST", "/v1/metering/reading", admin, "{\"meter_id\":\"" + GAS + "\",\"counter_id\":\"" + GAS_VOLUME + "\",\"value\":"
                + next.toPlainString() + ",\"source\":\"ERP\",\"reason\":\"regular\"}", 200);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("meters", "#/meters");
        pages.put("meter", "#/meter/" + GAS);
        pages.put("counter", "#/meter/" + GAS + "/" + GAS_VOLUME);
        pages.put("changesets", "#/changesets");
        pages.put("implausible", "#/implausible");
        pages.put("imports", "#/imports");
        open("#/meters", "meters");
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        try {
            chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Zähler finden"));
            Map<String, List<String>> shown = new LinkedHashMap<>();
            pages.forEach((view, route) -> {
                open(route, view);
                List<String> codes = visibleWords().stream().filter(CODES::contains).distinct().toList();
                if (!codes.isEmpty()) {
                    shown.put(view, codes);
                }
            });
            assertThat(shown).as("raw codes shown as text, by page").isEmpty();
            open("#/meter/" + GAS + "/" + GAS_VOLUME, "counter");
            WebElement reason = chromium.driver.findElement(By.cssSelector("#readings tbody tr td[data-label='Grund'] .coded"));
            assertThat(reason.getText()).isEqualTo("turnusmäßige Ablesung");
            assertThat(reason.getAttribute("title")).as("the code stays at hand").isEqualTo("regular");
            open("#/meter/" + GAS, "meter");
            assertThat(chromium.driver.findElement(By.id("meter-attributes")).getText()).contains("elektronischer Zähler", "in Betrieb",
                    "Bestätigt durch: Freigabe durch Admin", "der Wert gleich ist", "auf die Millisekunde").doesNotContain("edit_mode");
            assertThat(chromium.driver.findElements(By.cssSelector("#meter-attributes .governance .coded")))
                    .extracting(e -> e.getAttribute("title")).as("the codes stay at hand").containsExactly("approval", "exact", "exact");
        } finally {
            new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
            // the page is drawn anew in English: wait for it, or the next page may still come in German
            chromium.await(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang"))
                    && !d.findElement(By.tagName("h1")).getText().startsWith("Zähler"));
        }
        open("#/meter/" + GAS, "meter");
        assertThat(chromium.driver.findElement(By.id("meter-attributes")).getText()).as("English labels in English")
                .contains("electronic meter", "in operation", "Confirmed by: an admin's approval").doesNotContain("electronic-meter", "edit_mode");
    }

    /**
     * The words of the main region's visible text, left out: attribute names ({@code dt}), which name
     * fields, not codes, and the meter's title, free text that may hold any word ("furnace gas sub-meter").
     */
    @SuppressWarnings("unchecked")
    private static List<String> visibleWords() {
        return (List<String>) chromium.script("const main = document.querySelector('main'); const out = [];"
                + "const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);"
                + "for (let n = walker.nextNode(); n; n = walker.nextNode()) {"
                + " const e = n.parentElement;"
                + " if (!e || e.closest('dt, textarea, .visually-hidden') || e.getClientRects().length === 0) continue;"
                + " const dd = e.closest('dd'); if (dd && dd.previousElementSibling?.textContent === '_title') continue;"
                + " out.push(...n.textContent.split(/[\\s(),;:·›\"{}\\[\\]]+/).filter(Boolean)); }"
                + "return out;");
    }

    @Test
    @Order(60)
    void everyPageHasNoSeriousAccessibilityViolationsAndFitsANarrowScreen() throws Exception {
        String screenshots = System.getProperty("console.screenshots");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("meters", "#/meters");
        pages.put("meter", "#/meter/" + POWER);
        pages.put("counter", "#/meter/" + POWER + "/" + POWER_T1);
        pages.put("consumption", "#/" + WATER + "/" + WATER_L + "/consumption?view=month&date=2013-05-01");
        pages.put("changesets", "#/changesets");
        pages.put("implausible", "#/implausible");
        pages.put("imports", "#/imports");
        pages.put("webhooks", "#/webhooks");
        List<String> problems = PageAudit.problems(chromium, pages, ConsoleBrowserTest::open, screenshots, "console-");
        assertThat(problems).isEmpty();
    }

    /**
     * A two-way register (docs/domain.md "Direction"): a counter that declares no direction, on an electricity meter, holding
     * feed-in and feed-out readings at the same instants. In an organization of its own, so the demo's counts stay as they are.
     */
    @Test
    @Order(62)
    void aCounterOfBothDirectionsShowsEachReadingsDirectionAndTheFormAsksForOne() throws Exception {
        String staff = service.tokens.admin(TWO_WAY_ORG, "console-admin");
        String meter = created("/v1/metering/admin/meters", staff,
                "{\"sector\":\"power\",\"meter_number\":\"TW-0001\"}");
        String counter = created("/v1/metering/admin/meters/" + meter + "/counters", staff,
                "{\"_title\":\"Two-way register\",\"unit\":\"kWh\"}");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant first = now.minus(2, ChronoUnit.DAYS);
        Instant second = now.minus(1, ChronoUnit.DAYS);
        for (String[] r : List.of(new String[] {"feed-out", "100.5", first.toString(), "valid"}, new String[] {"feed-in", "20.25", first.toString(), "valid"},
                new String[] {"feed-out", "110.75", second.toString(), "valid"}, new String[] {"feed-in", "22.5", second.toString(), "valid"},
                new String[] {"feed-in", "23000", now.minus(1, ChronoUnit.HOURS).toString(), "implausible"})) {
            send("POST", "/v1/metering/reading", staff, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter + "\",\"direction\":\""
                    + r[0] + "\",\"value\":" + r[1] + ",\"timestamp\":\"" + r[2] + "\",\"status\":\"" + r[3] + "\",\"source\":\"ERP\"}", 200);
        }
        chromium.driver.get(PortalLink.console(base, staff));
        chromium.awaitView("meters");
        String page = "#/meter/" + meter + "/" + counter;
        open(page, "counter");

        // the counter has no OBIS code: its name alone, no separator left hanging
        assertThat(chromium.driver.findElement(By.id("counter-summary")).getText()).isEqualTo("Two-way register");
        // each reading with its direction, its consumption since the previous reading of the same direction
        // (a series' first reading counts 0, docs/domain.md; an implausible one is not counted: "—", as in the portal);
        // at one instant the two directions' order is the store's
        assertThat(readingRows()).containsExactlyInAnyOrder("feed-in 23,000 —", "feed-out 110.75 10.25", "feed-in 22.5 2.25",
                "feed-out 100.5 0", "feed-in 20.25 0");
        assertThat(chromium.driver.findElement(By.cssSelector("#readings thead")).getText()).contains("Direction");
        assertThat(chromium.driver.findElements(By.cssSelector("#readings td.direction")))
                .extracting(WebElement::getText).contains("consumption", "feed-in");

        // the form asks for the direction: without one the browser keeps the form, and nothing is stored
        WebElement direction = chromium.driver.findElement(By.id("add-direction"));
        assertThat(chromium.driver.findElement(By.cssSelector("label[for='add-direction']")).getText()).startsWith("Direction");
        chromium.driver.findElement(By.id("add-value")).sendKeys("120.125");
        chromium.driver.findElement(By.cssSelector("#add-reading button[type=submit]")).click();
        assertThat((Boolean) chromium.script("return document.getElementById('add-direction').validity.valueMissing")).isTrue();
        assertThat(api("/v1/metering/reading/" + meter + "/" + counter + "?size=1", staff).get("hits").asLong()).isEqualTo(5);
        new Select(direction).selectByValue("feed-out");
        chromium.driver.findElement(By.cssSelector("#add-reading button[type=submit]")).click();
        chromium.await(d -> readingRows().contains("feed-out 120.125 9.375"));
        // the confirmation stays in the form the page drew again with the new reading
        chromium.await(d -> d.findElement(By.id("add-result")).getText().contains("Saved."));
        JsonNode added = api("/v1/metering/reading/" + meter + "/" + counter + "?direction=feed-out&sort=desc&size=1", staff)
                .get("results").get(0);
        assertThat(added.get("value").decimalValue()).isEqualTo(new BigDecimal("120.125"));
        assertThat(added.get("direction").asText()).isEqualTo("feed-out");

        // in German: Bezug and Einspeisung, the code as tooltip
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Zählerstände"));
        assertThat(chromium.driver.findElements(By.cssSelector("#readings td.direction .coded")))
                .extracting(e -> e.getText() + "=" + e.getAttribute("title")).contains("Bezug=feed-out", "Einspeisung=feed-in");
        assertThat(chromium.driver.findElement(By.cssSelector("label[for='add-direction']")).getText()).startsWith("Richtung");
        assertThat(new Select(chromium.driver.findElement(By.id("add-direction"))).getOptions()).extracting(WebElement::getText)
                .containsExactly("Richtung wählen", "Bezug", "Einspeisung");
        assertThat(actionsOutOfView("#readings")).isEmpty();
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Readings"));

        // the queue names the implausible reading's direction with its counter, as the meter page names a declared one
        open("#/implausible", "implausible");
        WebElement slip = chromium.driver.findElement(By.cssSelector("#implausible tbody tr"));
        assertThat(slip.findElement(By.cssSelector(".counter-cell")).getText()).isEqualTo("Two-way register (feed-in)");
        assertThat(chromium.driver.findElement(By.cssSelector("#implausible-history caption")).getText()).endsWith("Two-way register (feed-in)");
        assertThat(actionsOutOfView("#implausible")).isEmpty();
        assertThat(identifiersBroken("#implausible")).isEmpty();

        // a proposal on a governed meter: the changeset queue and the counter's page name its direction
        send("PATCH", "/v1/metering/admin/meters/" + meter, staff, "{\"reading_governance\":{\"edit_mode\":\"approval\"}}", 200);
        send("POST", "/v1/metering/reading", staff, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter
                + "\",\"direction\":\"feed-in\",\"value\":22.875,\"timestamp\":\"" + now.minus(30, ChronoUnit.MINUTES) + "\",\"source\":\"ECP\"}", 200);
        open("#/changesets", "changesets");
        assertThat(chromium.driver.findElement(By.cssSelector("#changesets tbody tr td[data-label='Date and time'] .coded"))
                .getAttribute("title")).isEqualTo("feed-in");
        assertThat(actionsOutOfView("#changesets")).isEmpty();

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("counter-two-way", page);
        pages.put("implausible-two-way", "#/implausible");
        // the pages' screenshots are named apart from the demo's (console-counter-two-way-desktop.png ...), their views are the usual ones
        assertThat(PageAudit.problems(chromium, pages, (route, view) -> open(route, view.replace("-two-way", "")),
                System.getProperty("console.screenshots"), "console-")).isEmpty();
    }

    /**
     * Every action on one reading (add, correct, accept on the counter's page, accept in the queue, apply a proposal) shows a
     * refusal without the batch index the service puts before a one-reading write's message ("readings[0]: ..."), with its
     * reason, in view even for the last row of the page; a value that is no number and a cancelled reason send nothing. In an
     * organization of its own, so the demo's queues stay as the other tests expect them.
     */
    @Test
    @Order(63)
    void aRefusedActionOnOneReadingShowsTheMessageWithoutTheBatchIndex() throws Exception {
        String staff = service.tokens.admin("one-reading-org", "console-admin");
        String meter = created("/v1/metering/admin/meters", staff, "{\"sector\":\"power\",\"meter_number\":\"OR-0001\","
                + "\"customer\":{\"$relation\":[{\"entity_id\":\"" + DemoIds.CONTACT_ID + "\",\"_slug\":\"contact\"}]}}");
        String counter = created("/v1/metering/admin/meters/" + meter + "/counters", staff,
                "{\"_title\":\"Import\",\"unit\":\"kWh\",\"direction\":\"feed-out\"}");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // a page full of daily readings, then a slip (stored implausible) and the genuine reading after it
        for (int day = 30; day >= 1; day--) {
            addReading(staff, meter, counter, String.valueOf(1000 - day), now.minus(day, ChronoUnit.DAYS), "");
        }
        addReading(staff, meter, counter, "99999", now.minus(2, ChronoUnit.HOURS), "");
        addReading(staff, meter, counter, "1001", now.minus(1, ChronoUnit.HOURS), "");
        chromium.driver.get(PortalLink.console(base, staff));
        chromium.awaitView("meters");
        open("#/meter/" + meter + "/" + counter, "counter");

        // add a reading below the last one
        chromium.driver.findElement(By.id("add-value")).sendKeys("5");
        chromium.driver.findElement(By.cssSelector("#add-reading button[type=submit]")).click();
        // the value and the instant as the table shows them (its newest row is that reading), the API's words in the title
        String newestShown = chromium.driver.findElement(By.cssSelector("#readings tbody tr th")).getText();
        assertThat(newestShown).isEqualTo(shown(now.minus(1, ChronoUnit.HOURS)));
        WebElement belowPrevious = chromium.awaitElement("#add-result .notice-error");
        assertThat(belowPrevious.getText()).isEqualTo("value 5 is less than the previous reading 1,001 at " + newestShown + " (less_than_previous)");
        assertThat(belowPrevious.getAttribute("title"))
                .isEqualTo("value 5 is less than the previous reading 1001 at " + now.minus(1, ChronoUnit.HOURS));
        // a value that is no number: said with an example, nothing sent
        chromium.driver.findElement(By.id("add-value")).clear();
        chromium.driver.findElement(By.id("add-value")).sendKeys("abc");
        chromium.driver.findElement(By.cssSelector("#add-reading button[type=submit]")).click();
        chromium.await(d -> d.findElement(By.id("add-result")).getText().equals("Please enter a number, for example 12,345.6."));

        // correct the last row of the page above the readings after it: the refusal is shown above the table, scrolled into view
        List<WebElement> rows = chromium.driver.findElements(By.cssSelector("#readings tbody tr"));
        WebElement lowest = rows.get(rows.size() - 1);
        chromium.script("arguments[0].scrollIntoView()", lowest);
        lowest.findElement(By.cssSelector("button[data-action='correct']")).click();
        answer("5000");
        answer("typed too many digits");
        WebElement refusal = chromium.awaitElement("#row-result .notice-error");
        assertThat(refusal.getText()).startsWith("value 5,000 is greater than the subsequent reading ").endsWith(" (greater_than_subsequent)")
                .doesNotContain("readings[").doesNotContain("T0").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(inView(refusal)).as("the refusal in view").isTrue();

        // a value that is no number, and a correction whose reason is cancelled: nothing sent, nothing changed
        JsonNode newest = latest(meter, counter, staff);
        chromium.driver.findElement(By.cssSelector("#readings tbody tr button[data-action='correct']")).click();
        answer("abc");
        chromium.await(d -> d.findElement(By.id("row-result")).getText().equals("Please enter a number, for example 12,345.6."));
        chromium.driver.findElement(By.cssSelector("#readings tbody tr button[data-action='correct']")).click();
        answer("1002");
        dismissPrompt();

        // accept the slip as valid: above the genuine reading after it
        chromium.driver.findElement(By.cssSelector("#readings tbody tr.implausible button[data-action='accept']")).click();
        assertThat(chromium.await(d -> d.findElement(By.id("row-result")).getText().startsWith("value 99,999") ? d.findElement(By.id("row-result")) : null)
                .getText()).isEqualTo("value 99,999 is greater than the subsequent reading 1,001 at " + shown(now.minus(1, ChronoUnit.HOURS))
                        + " (greater_than_subsequent)");
        // by now the cancelled correction would have been stored: it was not
        assertThat(latest(meter, counter, staff).get("value").decimalValue()).isEqualByComparingTo(newest.get("value").decimalValue());
        assertThat(latest(meter, counter, staff).path("reason").textValue()).isNull();
        // the same from the organization's queue
        open("#/implausible", "implausible");
        chromium.driver.findElement(By.cssSelector("#implausible tbody tr button[data-action='accept']")).click();
        assertThat(chromium.awaitElement("#implausible-result .notice-error").getText())
                .isEqualTo("value 99,999 is greater than the subsequent reading 1,001 at " + shown(now.minus(1, ChronoUnit.HOURS))
                        + " (greater_than_subsequent)");

        // a household's proposal on a governed meter that a later direct write has overtaken: applying it is refused
        send("PATCH", "/v1/metering/admin/meters/" + meter, staff, "{\"reading_governance\":{\"edit_mode\":\"approval\"}}", 200);
        String household = service.tokens.portal("one-reading-org", "one-reading-customer", DemoIds.CONTACT_ID);
        send("POST", "/v1/metering/reading", household, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter
                + "\",\"value\":1003,\"timestamp\":\"" + now.minus(30, ChronoUnit.MINUTES) + "\",\"source\":\"ECP\"}", 200);
        addReading(staff, meter, counter, "1002", now.minus(20, ChronoUnit.MINUTES), "?direct=true");
        open("#/changesets", "changesets");
        chromium.driver.findElement(By.cssSelector("#changesets tbody tr button[data-action='apply']")).click();
        assertThat(chromium.awaitElement("#changeset-result .notice-error").getText())
                .isEqualTo("value 1,003 is greater than the subsequent reading 1,002 at " + shown(now.minus(20, ChronoUnit.MINUTES))
                        + " (greater_than_subsequent)");

        // in German the reason in words, the API's message as the notice's title, without the index there too
        open("#/meter/" + meter + "/" + counter, "counter");
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Zählerstände"));
        chromium.driver.findElement(By.id("add-value")).sendKeys("5");
        chromium.driver.findElement(By.cssSelector("#add-reading button[type=submit]")).click();
        WebElement german = chromium.awaitElement("#add-result .notice-error");
        // what the reason means, then the API's English message quoted as the service wrote it, its value and instant in no
        // German notation (the newest reading is by now the direct write of 1002)
        assertThat(german.getText()).isEqualTo("Der Wert ist kleiner als der vorherige Zählerstand dieses Zählwerks. Meldung des Dienstes: "
                + "value 5 is less than the previous reading 1002 at " + now.minus(20, ChronoUnit.MINUTES) + " (less_than_previous)");
        // the API's own words in the title, without the index there too
        assertThat(german.getAttribute("title")).isEqualTo("value 5 is less than the previous reading 1002 at " + now.minus(20, ChronoUnit.MINUTES));
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Readings"));
    }

    /** A staff token of an organization of the test's own, and a power meter with one feed-out counter in it. */
    private record OwnCounter(String staff, String meter, String counter) {}

    /** Stores a reading on the organization's counter, as its staff, with validation. */
    private static void addTo(OwnCounter own, String value, Instant at) throws Exception {
        addReading(own.staff(), own.meter(), own.counter(), value, at, "");
    }

    /** Opens the console signed in as the organization's staff, on its meter list. */
    private void signIn(OwnCounter own) {
        chromium.driver.get(PortalLink.console(base, own.staff()));
        chromium.awaitView("meters");
    }

    private OwnCounter ownCounter(String org, String meterNumber) throws Exception {
        String staff = service.tokens.admin(org, "console-admin");
        String meter = created("/v1/metering/admin/meters", staff,
                "{\"sector\":\"power\",\"meter_number\":\"" + meterNumber + "\"}");
        String counter = created("/v1/metering/admin/meters/" + meter + "/counters", staff,
                "{\"_title\":\"Import\",\"unit\":\"kWh\",\"direction\":\"feed-out\"}");
        return new OwnCounter(staff, meter, counter);
    }

    /**
     * "Correct" keeps the reading's reason code and adds the explanation to its remark (docs/console.md): a new device's first
     * reading (`meter_change`) corrected to a value below the old device's last stays a segment start, so the consumption across
     * the break stays 0, and the remark it had stays, the explanation on a line after it. In an organization of its own.
     */
    @Test
    @Order(64)
    void aCorrectedMeterChangeKeepsItsReasonAndTheExplanationGoesIntoTheRemark() throws Exception {
        OwnCounter own = ownCounter("meter-change-org", "MC-0001");
        String staff = own.staff();
        String meter = own.meter();
        String counter = own.counter();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        addReading(staff, meter, counter, "1000", now.minus(3, ChronoUnit.DAYS), "");
        addReading(staff, meter, counter, "1100", now.minus(2, ChronoUnit.DAYS), "");
        send("POST", "/v1/metering/reading", staff, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter + "\",\"value\":5,\"timestamp\":\""
                + now.minus(1, ChronoUnit.DAYS) + "\",\"source\":\"ERP\",\"reason\":\"meter_change\",\"remark\":\"installer swapped the device\"}", 200);
        addReading(staff, meter, counter, "12", now.minus(1, ChronoUnit.HOURS), "");
        chromium.driver.get(PortalLink.console(base, staff));
        chromium.awaitView("meters");
        open("#/meter/" + meter + "/" + counter, "counter");

        WebElement change = chromium.driver.findElements(By.cssSelector("#readings tbody tr")).get(1);
        assertThat(change.getText()).contains("meter change");
        change.findElement(By.cssSelector("button[data-action='correct']")).click();
        answer("6");
        answer("photo of the new meter shows 6");
        chromium.await(d -> d.findElements(By.cssSelector("#readings tbody tr")).get(1).findElement(By.cssSelector("td.num")).getText().equals("6"));

        String series = "/v1/metering/reading/" + meter + "/" + counter + "?sort=desc&size=2";
        JsonNode corrected = api(series, staff).get("results").get(1);
        assertThat(corrected.get("value").decimalValue()).isEqualByComparingTo("6");
        assertThat(corrected.get("reason").asText()).isEqualTo("meter_change");
        assertThat(corrected.get("remark").asText()).isEqualTo("installer swapped the device\nphoto of the new meter shows 6");
        // the break holds: nothing consumed across it, the new device's advance counted from its corrected first value
        JsonNode relative = api(series + "&type=relative", staff).get("results");
        assertThat(relative.get(1).get("value").decimalValue()).isEqualByComparingTo("0");
        assertThat(relative.get(0).get("value").decimalValue()).isEqualByComparingTo("6");
        WebElement row = chromium.driver.findElements(By.cssSelector("#readings tbody tr")).get(1);
        assertThat(row.findElements(By.cssSelector("td.num"))).extracting(WebElement::getText).containsExactly("6", "0");
        assertThat(row.findElement(By.cssSelector("td[data-label='Reason'] .coded")).getAttribute("title")).isEqualTo("meter_change");
        assertThat(row.findElement(By.cssSelector(".remark")).getText()).isEqualTo("installer swapped the device\nphoto of the new meter shows 6");
        assertThat(row.findElement(By.cssSelector(".remark")).getAttribute("title")).isEqualTo("Remark");
        assertThat(chromium.driver.findElements(By.cssSelector("#row-result .notice-error"))).isEmpty();
    }

    /**
     * "Add a reading" offers the reason codes creating a reading accepts (docs/domain.md "Reading") as a choice by their
     * words, in English and German, the empty choice meaning none: a chosen `meter_change` is stored and starts a segment (a
     * new device's first value below the old one's last is not refused), the empty choice stores no reason. Own organization.
     */
    @Test
    @Order(64)
    void addAReadingOffersTheReasonCodesByTheirWordsAndSendsTheChosenOne() throws Exception {
        OwnCounter own = ownCounter("reason-choice-org", "RC-0001");
        String staff = own.staff();
        String meter = own.meter();
        String counter = own.counter();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        addReading(staff, meter, counter, "1000", now.minus(2, ChronoUnit.DAYS), "");
        addReading(staff, meter, counter, "1100", now.minus(1, ChronoUnit.DAYS), "");
        chromium.driver.get(PortalLink.console(base, staff));
        chromium.awaitView("meters");
        open("#/meter/" + meter + "/" + counter, "counter");

        assertThat(chromium.driver.findElement(By.cssSelector("label[for='add-reason']")).getText()).startsWith("Reason");
        Select reason = new Select(chromium.driver.findElement(By.id("add-reason")));
        assertThat(reason.getFirstSelectedOption().getAttribute("value")).isEmpty();
        assertThat(reason.getOptions()).extracting(o -> o.getAttribute("value"))
                .containsExactly("", "regular", "irregular", "last", "first", "meter_change", "contract_change", "meter_adjustment");
        assertThat(reason.getOptions()).extracting(WebElement::getText).containsExactly("none", "regular reading", "interim reading",
                "final reading", "initial reading", "meter change", "change of contract", "meter adjustment");

        chromium.driver.findElement(By.id("add-value")).sendKeys("5");
        reason.selectByValue("meter_change");
        chromium.driver.findElement(By.cssSelector("#add-reading button[type=submit]")).click();
        chromium.await(d -> d.findElement(By.id("add-result")).getText().contains("Saved."));
        JsonNode added = latest(meter, counter, staff);
        assertThat(added.get("value").decimalValue()).isEqualByComparingTo("5");
        assertThat(added.get("reason").asText()).isEqualTo("meter_change");
        assertThat(api("/v1/metering/reading/" + meter + "/" + counter + "?sort=desc&size=1&type=relative", staff).get("results").get(0)
                .get("value").decimalValue()).isEqualByComparingTo("0");

        // the empty choice: no reason sent, none stored
        chromium.driver.findElement(By.id("add-value")).sendKeys("7");
        new Select(chromium.driver.findElement(By.id("add-reason"))).selectByValue("");
        chromium.driver.findElement(By.cssSelector("#add-reading button[type=submit]")).click();
        chromium.await(d -> d.findElement(By.cssSelector("#readings tbody tr td.num")).getText().equals("7"));
        JsonNode plain = latest(meter, counter, staff);
        assertThat(plain.get("value").decimalValue()).isEqualByComparingTo("7");
        assertThat(plain.path("reason").textValue()).isNull();

        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Zählerstände"));
        assertThat(chromium.driver.findElement(By.cssSelector("label[for='add-reason']")).getText()).startsWith("Grund");
        assertThat(new Select(chromium.driver.findElement(By.id("add-reason"))).getOptions()).extracting(WebElement::getText)
                .containsExactly("keine Angabe", "turnusmäßige Ablesung", "Zwischenablesung", "Schlussablesung", "Anfangsablesung",
                        "Zählerwechsel", "Vertragswechsel", "Zählerkorrektur");
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Readings"));
    }

    private static void addReading(String token, String meter, String counter, String value, Instant at, String query) throws Exception {
        send("POST", "/v1/metering/reading" + query, token, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter + "\",\"value\":"
                + value + ",\"timestamp\":\"" + at + "\",\"source\":\"ERP\"}", 200);
    }

    /** An instant as the console's tables show it: the page's language and the browser's time zone, to the minute. */
    private static String shown(Instant at) {
        return (String) chromium.script("return new Intl.DateTimeFormat(document.documentElement.lang,"
                + " { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(arguments[0]));", at.toString());
    }

    /** Whether the element lies wholly within the viewport. */
    private static boolean inView(WebElement element) {
        return (Boolean) chromium.script("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= -1 && r.bottom <= window.innerHeight + 1;", element);
    }

    /** Cancels the page's prompt. */
    private static void dismissPrompt() {
        chromium.await(d -> {
            try {
                return d.switchTo().alert();
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return null;
            }
        }).dismiss();
    }

    /** The rows of a counter's readings as "direction value since", the direction as its code (the cell's title). */
    @SuppressWarnings("unchecked")
    private static List<String> readingRows() {
        return (List<String>) chromium.script("return [...document.querySelectorAll('#readings tbody tr')].map((row) =>"
                + " [row.querySelector('td.direction .coded')?.title, ...[...row.querySelectorAll('td.num')].map((c) => c.textContent)].join(' '));");
    }

    /**
     * A reading the service stores as implausible is said so, with what that means, not "Saved."; in German a narrow readings
     * table keeps "ERP-System" on one line; at 360 px a reading's card shows no empty row (no reason, no reader). Own organization.
     */
    @Test
    @Order(64)
    void anImplausibleWriteIsSaidSoAndAReadingsCellsAndCardStayTidy() throws Exception {
        OwnCounter own = ownCounter("implausible-write-org", "IW-0001");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        addTo(own, "1000", now.minus(2, ChronoUnit.DAYS));
        addTo(own, "1100", now.minus(1, ChronoUnit.DAYS));
        signIn(own);
        open("#/meter/" + own.meter() + "/" + own.counter(), "counter");

        chromium.driver.findElement(By.id("add-value")).sendKeys("110000");
        chromium.driver.findElement(By.cssSelector("#add-reading button[type=submit]")).click();
        WebElement told = chromium.awaitElement("#add-result #saved-implausible");
        assertThat(latest(own.meter(), own.counter(), own.staff()).get("status").asText()).isEqualTo("implausible");
        assertThat(told.getText()).startsWith("Saved, and marked implausible.")
                .contains("kept and shown", "not counted in consumption", "order checks", "accepts it as valid");
        assertThat(told.getAttribute("class")).contains("notice-warning");
        assertThat(chromium.driver.findElement(By.id("add-result")).getText()).doesNotStartWith("Saved.");

        // German, the table squeezed to its narrowest: the source's words break between words only, never at a hyphen
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Zählerstände"));
        assertThat(chromium.driver.findElement(By.cssSelector("#readings tbody td[data-label='Quelle']")).getText()).isEqualTo("ERP-System");
        chromium.script("document.getElementById('readings').style.width = '1px';");
        assertThat(identifiersBroken("#readings", "tbody td[data-label=\"Quelle\"], tbody td[data-label=\"Status\"]")).isEmpty();
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Readings"));

        // a phone: each reading a card, without the rows of what it lacks (these readings have no reason and no reader)
        chromium.viewport(360, 780, true);
        try {
            open("#/meter/" + own.meter() + "/" + own.counter(), "counter");
            @SuppressWarnings("unchecked")
            List<String> emptyRows = (List<String>) chromium.script("return [...document.querySelectorAll('#readings tbody td[data-label]')]"
                    + ".filter((td) => td.getClientRects().length > 0 && !td.textContent.trim()).map((td) => td.dataset.label);");
            assertThat(emptyRows).isEmpty();
            assertThat(chromium.driver.findElements(By.cssSelector("#readings tbody td[data-label='Source']")))
                    .allSatisfy(cell -> assertThat(cell.isDisplayed()).isTrue());
        } finally {
            chromium.viewport(0, 0, false);
        }
    }

    /**
     * "Several at once" goes on past a refusal: each chosen item is tried, the queue is drawn again without the ones done,
     * and the refused ones are named with why. In an organization of its own.
     */
    @Test
    @Order(64)
    void severalAtOnceGoesOnPastARefusalNamesItAndRedrawsTheQueue() throws Exception {
        OwnCounter own = ownCounter("several-at-once-org", "SA-0001");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        addTo(own, "1000", now.minus(3, ChronoUnit.DAYS));
        addTo(own, "2000", now.minus(1, ChronoUnit.HOURS));
        // three readings their writer marked implausible; the newest, below the reading before it, cannot become valid
        for (String[] slip : List.of(new String[] {"1100", now.minus(2, ChronoUnit.DAYS).toString()},
                new String[] {"1200", now.minus(1, ChronoUnit.DAYS).toString()}, new String[] {"500", now.minus(30, ChronoUnit.MINUTES).toString()})) {
            send("POST", "/v1/metering/reading", own.staff(), "{\"meter_id\":\"" + own.meter() + "\",\"counter_id\":\"" + own.counter()
                    + "\",\"value\":" + slip[0] + ",\"timestamp\":\"" + slip[1] + "\",\"source\":\"ERP\",\"status\":\"implausible\"}", 200);
        }
        signIn(own);
        open("#/implausible", "implausible");
        List<WebElement> rows = chromium.driver.findElements(By.cssSelector("#implausible tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getText()).contains("500"); // newest first: the refusal comes first
        chromium.driver.findElements(By.cssSelector("#implausible tbody input[type=checkbox]")).forEach(WebElement::click);
        chromium.driver.findElement(By.id("accept-selected")).click();

        chromium.await(d -> d.findElements(By.cssSelector("#implausible tbody tr")).size() == 1);
        assertThat(chromium.driver.findElement(By.cssSelector("#implausible tbody tr")).getText()).contains("500");
        WebElement told = chromium.awaitElement("#implausible-result .notice-error");
        assertThat(told.getText()).startsWith("2 of 3 done; 1 refused:");
        List<WebElement> refused = told.findElements(By.cssSelector("li"));
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).getText()).startsWith("SA-0001, ")
                .contains(shown(now.minus(30, ChronoUnit.MINUTES)) + ": value 500 is less than the previous reading 2,000 at "
                        + shown(now.minus(1, ChronoUnit.HOURS)) + " (less_than_previous)");
        JsonNode series = api("/v1/metering/reading/" + own.meter() + "/" + own.counter() + "?sort=asc", own.staff()).get("results");
        List<String> statuses = new java.util.ArrayList<>();
        series.forEach(r -> statuses.add(r.path("status").asText("valid")));
        assertThat(statuses).containsExactly("valid", "valid", "valid", "valid", "implausible");
        assertThat(chromium.driver.findElement(By.id("nav-implausible")).getText()).endsWith("1");
    }

    /**
     * "Correct" says that it saved, as Add does: "Saved.", or "Saved, and marked implausible." where the service stored the
     * corrected value as implausible. In an organization of its own.
     */
    @Test
    @Order(64)
    void aCorrectionSaysItWasSavedAndWhenImplausibleSaysThat() throws Exception {
        OwnCounter own = ownCounter("correction-saved-org", "CS-0001");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        addTo(own, "1000", now.minus(3, ChronoUnit.DAYS));
        addTo(own, "1100", now.minus(2, ChronoUnit.DAYS));
        addTo(own, "1200", now.minus(1, ChronoUnit.DAYS));
        signIn(own);
        open("#/meter/" + own.meter() + "/" + own.counter(), "counter");

        chromium.driver.findElement(By.cssSelector("#readings tbody tr button[data-action='correct']")).click();
        answer("1210");
        answer("photo");
        WebElement saved = chromium.awaitElement("#row-result .notice");
        assertThat(saved.getText()).isEqualTo("Saved.");
        assertThat(saved.getAttribute("class")).contains("notice-success");
        assertThat(latest(own.meter(), own.counter(), own.staff()).get("value").decimalValue()).isEqualByComparingTo("1210");

        chromium.driver.findElement(By.cssSelector("#readings tbody tr button[data-action='correct']")).click();
        answer("121000");
        answer("typed without the point");
        WebElement told = chromium.awaitElement("#row-result #saved-implausible");
        assertThat(latest(own.meter(), own.counter(), own.staff()).get("status").asText()).isEqualTo("implausible");
        assertThat(told.getText()).startsWith("Saved, and marked implausible.");
        assertThat(chromium.driver.findElement(By.id("row-result")).getText()).doesNotStartWith("Saved.");
    }

    /**
     * An active meter past its decommissioned_at is closed (the service refuses writes after it): the search list and the meter page
     * say "decommissioned on <date>", never "in operation", and offer no decommissioning; a closing still ahead reads
     * "in operation, closes on <date>" and keeps it. In German too. In an organization of its own.
     */
    @Test
    @Order(64)
    void aMeterPastItsDecommissioningInstantReadsClosedAndAPlannedClosingSaysWhen() throws Exception {
        OwnCounter own = ownCounter("closing-org", "CL-0001");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        addTo(own, "1000", now.minus(2, ChronoUnit.DAYS));
        Instant past = now.minus(1, ChronoUnit.DAYS);
        send("PATCH", "/v1/metering/admin/meters/" + own.meter(), own.staff(), "{\"decommissioned_at\":\"" + past + "\"}", 200);
        assertThat(api("/v1/metering/admin/meters/" + own.meter(), own.staff()).at("/data/status").asText()).isEqualTo("active");
        signIn(own);
        WebElement row = chromium.driver.findElement(By.cssSelector("#meters tbody tr"));
        assertThat(row.findElement(By.cssSelector("td[data-label='Status']")).getText()).isEqualTo("decommissioned on " + shownDate(past.toString()));
        open("#/meter/" + own.meter(), "meter");
        assertThat(chromium.driver.findElement(By.id("meter-closing")).getText()).isEqualTo("decommissioned on " + shownDate(past.toString()));
        assertThat(chromium.driver.findElements(By.id("decommission"))).isEmpty();
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.id("meter-closing")).getText().equals("stillgelegt am " + shownDate(past.toString())));
        assertThat(chromium.driver.findElement(By.tagName("main")).getText()).doesNotContain("in Betrieb");
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.id("meter-closing")).getText().startsWith("decommissioned on"));

        // a planned closing (a date still ahead): in operation until then, and it can still be decommissioned now
        String ahead = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
        send("PATCH", "/v1/metering/admin/meters/" + own.meter(), own.staff(), "{\"decommissioned_at\":\"" + ahead + "\"}", 200);
        open("#/meters", "meters");
        assertThat(chromium.driver.findElement(By.cssSelector("#meters tbody td[data-label='Status']")).getText())
                .isEqualTo("in operation, closes on " + shownDate(ahead));
        open("#/meter/" + own.meter(), "meter");
        assertThat(chromium.driver.findElement(By.id("meter-closing")).getText()).isEqualTo("in operation, closes on " + shownDate(ahead));
        assertThat(chromium.driver.findElements(By.id("decommission"))).hasSize(1);
    }

    /** A date as the console shows a closing: the page's language, medium; a date alone as that very day. */
    private static String shownDate(String at) {
        return (String) chromium.script("const dateOnly = /^\\d{4}-\\d{2}-\\d{2}$/.test(arguments[0]);"
                + " return new Intl.DateTimeFormat(document.documentElement.lang, dateOnly ? { dateStyle: 'medium', timeZone: 'UTC' }"
                + " : { dateStyle: 'medium' }).format(new Date(arguments[0]));", at);
    }

    /** A search that fails says why in words (the service out of reach, its error answer), never the browser's own text. */
    @Test
    @Order(64)
    void aFailedSearchSaysWhyInWords() {
        chromium.driver.get(PortalLink.console(base, admin));
        chromium.awaitView("meters");
        chromium.script("window.realFetch = window.fetch; window.fetch = (url, init) => String(url).includes('/admin/meters?')"
                + " ? Promise.reject(new TypeError('Failed to fetch')) : window.realFetch(url, init);");
        try {
            chromium.driver.findElement(By.id("meter-search")).sendKeys("E000");
            chromium.await(d -> d.findElement(By.id("search-summary")).getText()
                    .equals("The search failed. The service could not be reached. Check your connection and try again."));
            chromium.script("window.fetch = (url, init) => String(url).includes('/admin/meters?') ? Promise.resolve(new Response("
                    + "'{\"reason\":\"unavailable\",\"message\":\"database unavailable\"}', { status: 503 })) : window.realFetch(url, init);");
            chromium.driver.findElement(By.id("meter-search")).sendKeys("0");
            chromium.await(d -> d.findElement(By.id("search-summary")).getText()
                    .equals("The search failed. The service answered with an error (HTTP 503: database unavailable)."));
        } finally {
            chromium.script("window.fetch = window.realFetch;");
        }
        // answered again: the count of hits, no longer marked as a failure
        chromium.driver.findElement(By.id("meter-search")).sendKeys("0");
        chromium.await(d -> d.findElement(By.id("search-summary")).getText().endsWith("found"));
        assertThat(chromium.driver.findElement(By.id("search-summary")).getAttribute("class")).doesNotContain("failed");
    }

    /**
     * The meter list names no sector a meter does not have (a dash, read out as "not set"), and on a phone a meter without a
     * number (its UUID) or with a long customer id stays within its card: no sideways scrolling. In an organization of its own.
     */
    @Test
    @Order(64)
    void aMeterWithoutSectorSaysSoAndTheMeterListFitsAPhone() throws Exception {
        String staff = service.tokens.admin("no-sector-org", "console-admin");
        String bare = created("/v1/metering/admin/meters", staff, "{}");
        send("POST", "/v1/metering/admin/meters", staff, "{\"meter_number\":\"NS-0001\",\"customer\":{\"$relation\":[{\"entity_id\":"
                + "\"customer-identifier-of-a-length-no-card-holds-on-one-line-0123456789\"}]}}", 201);
        send("POST", "/v1/metering/admin/meters", staff, "{\"meter_number\":\"NS-0002\",\"sector\":\"water\"}", 201);
        chromium.driver.get(PortalLink.console(base, staff));
        chromium.awaitView("meters");
        chromium.await(d -> d.findElements(By.cssSelector("#meters tbody tr")).size() == 3);
        WebElement unset = sectorCell(bare);
        assertThat(unset.getAttribute("textContent")).isEqualTo("—not set").doesNotContain("Meter");
        assertThat(unset.findElement(By.cssSelector("[aria-hidden=true]")).getAttribute("textContent")).isEqualTo("—");
        assertThat(unset.findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent")).isEqualTo("not set");
        assertThat(sectorCell("NS-0002").getText()).isEqualTo("Water");

        chromium.viewport(360, 780, true);
        try {
            chromium.await(d -> ((Number) chromium.script("return document.querySelector('#meters thead').getBoundingClientRect().width"))
                    .doubleValue() <= 1);
            Object overflow = chromium.script("const wrap = document.querySelector('#meters').parentElement;"
                    + " return [wrap.scrollWidth - wrap.clientWidth, document.documentElement.scrollWidth - document.documentElement.clientWidth];");
            assertThat((List<?>) overflow).as("sideways scrolling of the meter list and the page at 360 px")
                    .allSatisfy(o -> assertThat(((Number) o).longValue()).isLessThanOrEqualTo(0));
        } finally {
            chromium.viewport(0, 0, false);
        }
    }

    /** The sector cell of the meter list's row whose first cell (number, else id) reads `meter`. */
    private static WebElement sectorCell(String meter) {
        return chromium.driver.findElements(By.cssSelector("#meters tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector("th")).getText().equals(meter)).findFirst().orElseThrow()
                .findElement(By.cssSelector("td[data-label='Sector']"));
    }

    /** A queue's link and its count are read out apart ("Pending changesets, 2"), as Chromium's accessibility tree names them. */
    @Test
    @Order(64)
    void eachQueuesCountIsReadApartFromItsLinksWords() {
        chromium.driver.get(PortalLink.console(base, admin));
        chromium.awaitView("meters");
        chromium.awaitElement("#nav-changesets .count");
        chromium.awaitElement("#nav-implausible .count");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) chromium.driver.executeCdpCommand("Accessibility.getFullAXTree", Map.of())
                .get("nodes");
        List<String> links = nodes.stream()
                .filter(n -> "link".equals(((Map<?, ?>) n.getOrDefault("role", Map.of())).get("value")))
                .map(n -> String.valueOf(((Map<?, ?>) n.getOrDefault("name", Map.of())).get("value")))
                .filter(name -> name.startsWith("Pending changesets") || name.startsWith("Implausible readings")).toList();
        String changesets = chromium.driver.findElement(By.id("changeset-count")).getText();
        String implausible = chromium.driver.findElement(By.id("implausible-count")).getText();
        assertThat(links).containsExactlyInAnyOrder("Pending changesets, " + changesets, "Implausible readings, " + implausible);
    }

    /**
     * Several proposals applied at once, one of them overtaken by a direct write: the refused one is named by its meter, its
     * counter (name and OBIS code, as under the readings' heading) and its time. In an organization of its own.
     */
    @Test
    @Order(64)
    void aRefusedChangesetOfSeveralNamesItsMeterAndCounter() throws Exception {
        String staff = service.tokens.admin("changeset-refusal-org", "console-admin");
        String meter = created("/v1/metering/admin/meters", staff, "{\"sector\":\"power\",\"meter_number\":\"CR-0001\","
                + "\"customer\":{\"$relation\":[{\"entity_id\":\"" + DemoIds.CONTACT_ID + "\",\"_slug\":\"contact\"}]}}");
        String counter = created("/v1/metering/admin/meters/" + meter + "/counters", staff,
                "{\"_title\":\"Import\",\"unit\":\"kWh\",\"direction\":\"feed-out\",\"obis_number\":\"1-0:1.8.0\"}");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        addReading(staff, meter, counter, "1000", now.minus(1, ChronoUnit.DAYS), "");
        send("PATCH", "/v1/metering/admin/meters/" + meter, staff, "{\"reading_governance\":{\"edit_mode\":\"approval\"}}", 200);
        String household = service.tokens.portal("changeset-refusal-org", "changeset-refusal-customer", DemoIds.CONTACT_ID);
        for (String[] proposal : List.of(new String[] {"1003", now.minus(30, ChronoUnit.MINUTES).toString()},
                new String[] {"1010", now.minus(10, ChronoUnit.MINUTES).toString()})) {
            send("POST", "/v1/metering/reading", household, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter
                    + "\",\"value\":" + proposal[0] + ",\"timestamp\":\"" + proposal[1] + "\",\"source\":\"ECP\"}", 200);
        }
        // a direct write between the two proposals overtakes the first: applying it is refused
        addReading(staff, meter, counter, "1002", now.minus(20, ChronoUnit.MINUTES), "?direct=true");
        chromium.driver.get(PortalLink.console(base, staff));
        chromium.awaitView("meters");
        open("#/changesets", "changesets");
        chromium.driver.findElements(By.cssSelector("#changesets tbody input[type=checkbox]")).forEach(WebElement::click);
        chromium.driver.findElement(By.id("apply-selected")).click();
        WebElement told = chromium.awaitElement("#changeset-result .notice-error");
        assertThat(told.getText()).startsWith("1 of 2 done; 1 refused:");
        assertThat(told.findElement(By.cssSelector("li .refused-item")).getText())
                .isEqualTo("CR-0001, Import (consumption) · 1-0:1.8.0, " + shown(now.minus(30, ChronoUnit.MINUTES)));
        assertThat(chromium.driver.findElements(By.cssSelector("#changesets tbody tr"))).hasSize(1);
    }

    /**
     * Proposals for two counters of one meter at the same instant: each row names its counter (name and OBIS code, as the
     * implausible queue does), on a phone too; applying both at once says "2 of 2 done." (German: "2 von 2 erledigt.").
     * In an organization of its own.
     */
    @Test
    @Order(64)
    void proposalsForTwoCountersOfOneMeterNameTheirCounterAndAllDoneIsSaid() throws Exception {
        String staff = service.tokens.admin("two-counter-changeset-org", "console-admin");
        String meter = created("/v1/metering/admin/meters", staff, "{\"sector\":\"power\",\"meter_number\":\"TC-0001\","
                + "\"customer\":{\"$relation\":[{\"entity_id\":\"" + DemoIds.CONTACT_ID + "\",\"_slug\":\"contact\"}]}}");
        List<String> counters = new java.util.ArrayList<>();
        for (String obis : List.of("1-0:1.8.1", "1-0:1.8.2")) {
            counters.add(created("/v1/metering/admin/meters/" + meter + "/counters", staff,
                    "{\"_title\":\"Import\",\"unit\":\"kWh\",\"direction\":\"feed-out\",\"obis_number\":\"" + obis + "\"}"));
        }
        send("PATCH", "/v1/metering/admin/meters/" + meter, staff, "{\"reading_governance\":{\"edit_mode\":\"approval\"}}", 200);
        String household = service.tokens.portal("two-counter-changeset-org", "two-counter-customer", DemoIds.CONTACT_ID);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        java.util.function.Consumer<Instant> proposeBoth = at -> counters.forEach(counter -> {
            try {
                send("POST", "/v1/metering/reading", household, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter
                        + "\",\"value\":" + (counter.equals(counters.get(0)) ? "100" : "200") + ",\"timestamp\":\"" + at
                        + "\",\"source\":\"ECP\"}", 200);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        proposeBoth.accept(now.minus(2, ChronoUnit.HOURS));
        chromium.driver.get(PortalLink.console(base, staff));
        chromium.awaitView("meters");
        open("#/changesets", "changesets");
        List<String> named = chromium.driver.findElements(By.cssSelector("#changesets tbody td.counter-cell")).stream()
                .map(WebElement::getText).map(text -> text.replaceAll("\\s+", " ")).toList();
        assertThat(named).containsExactlyInAnyOrder("Import (consumption) 1-0:1.8.1", "Import (consumption) 1-0:1.8.2");
        assertThat(chromium.driver.findElement(By.cssSelector("#changesets thead")).getText()).contains("Counter");
        assertThat(identifiersBroken("#changesets")).isEmpty();
        // a phone: each proposal's card names its counter under the column's name
        chromium.viewport(360, 780, true);
        try {
            open("#/changesets", "changesets");
            assertThat(chromium.driver.findElements(By.cssSelector("#changesets tbody td[data-label='Counter']")))
                    .hasSize(2).allSatisfy(cell -> assertThat(cell.isDisplayed()).isTrue());
        } finally {
            chromium.viewport(0, 0, false);
        }

        open("#/changesets", "changesets");
        chromium.driver.findElements(By.cssSelector("#changesets tbody input[type=checkbox]")).forEach(WebElement::click);
        chromium.driver.findElement(By.id("apply-selected")).click();
        chromium.await(d -> d.findElement(By.id("changeset-result")).getText().equals("2 of 2 done."));
        assertThat(chromium.driver.findElement(By.tagName("main")).getText()).containsOnlyOnce("Nothing waits for approval");

        proposeBoth.accept(now.minus(1, ChronoUnit.HOURS));
        open("#/changesets", "changesets");
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("de");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Offene Änderungen"));
        chromium.driver.findElements(By.cssSelector("#changesets tbody input[type=checkbox]")).forEach(WebElement::click);
        chromium.driver.findElement(By.id("apply-selected")).click();
        chromium.await(d -> d.findElement(By.id("changeset-result")).getText().equals("2 von 2 erledigt."));
        new Select(chromium.driver.findElement(By.id("language"))).selectByValue("en");
        chromium.await(d -> d.findElement(By.tagName("h1")).getText().equals("Pending changesets"));
        for (String counter : counters) {
            assertThat(Instant.parse(latest(meter, counter, staff).get("timestamp").asText())).isEqualTo(now.minus(1, ChronoUnit.HOURS));
        }

        // a slip proposed (ten times the last value on a fresh counter, docs/domain.md "Without a rate"): the changeset keeps
        // its status, and the row says so with the code as tooltip
        send("POST", "/v1/metering/reading", household, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counters.get(1)
                + "\",\"value\":5000,\"timestamp\":\"" + now.minus(30, ChronoUnit.MINUTES) + "\",\"source\":\"ECP\"}", 200);
        assertThat(api("/v1/metering/reading/" + meter + "/" + counters.get(1) + "/changesets", staff).get("changesets").get(0)
                .get("proposed").get("status").asText()).isEqualTo("implausible");
        open("#/changesets", "changesets");
        WebElement flag = chromium.awaitElement("#changesets tbody td[data-label='Proposed value'] .flag");
        assertThat(flag.getText()).isEqualTo("judged implausible");
        assertThat(flag.getAttribute("title")).isEqualTo("implausible");
    }

    @Test
    @Order(65)
    void actingForAnotherOrganizationPicksItFromTheList() {
        String actor = service.tokens.admin(DemoIds.ORG.value(), "console-admin", BearerTokens.actingFor(List.of("other-org")));
        chromium.driver.get(PortalLink.console(base, actor));
        chromium.awaitView("meters");
        assertThat(chromium.driver.findElements(By.cssSelector("#meters tbody tr a"))).hasSize(4);

        new Select(chromium.driver.findElement(By.id("organization"))).selectByValue("other-org");
        chromium.await(d -> d.findElement(By.id("meters")).getText().contains("No meter matches."));
        assertThat(chromium.script("return sessionStorage.getItem('metering.console.org')")).isEqualTo("other-org");
    }

    @Test
    @Order(70)
    void aPortalTokenCannotOpenTheConsolesData() throws Exception {
        Http.Reply refused = http.get("/v1/metering/admin/meters", portal);
        assertThat(refused.status()).isEqualTo(403);

        chromium.driver.get(PortalLink.console(base, portal));
        chromium.awaitView("forbidden");
        assertThat(chromium.driver.findElement(By.tagName("main")).getText()).contains("No access", "403");
        assertThat(chromium.driver.findElements(By.cssSelector("#meters"))).isEmpty();
    }

    private static void open(String route, String view) {
        chromium.open(base + "/console/" + route, view);
    }

    /** Presses a key where focus is (the page, not a form field), as a user who has not clicked anything. */
    private static void pressOnThePage(String key) {
        assertThat((String) chromium.script("return document.activeElement.tagName")).isNotIn("INPUT", "TEXTAREA", "SELECT");
        new Actions(chromium.driver).sendKeys(key).perform();
        chromium.awaitElement("tbody tr.selected");
    }

    /** The keyboard's row has focus and an outline and background that an unselected row lacks. */
    private static void assertSelectedRowStandsOut(String table) {
        @SuppressWarnings("unchecked")
        List<String> styles = (List<String>) chromium.script("const rows = [...document.querySelectorAll(arguments[0] + ' tbody tr')];"
                + "const look = (r) => { const c = getComputedStyle(r); return c.outlineStyle + ' ' + c.outlineWidth + '|' + c.backgroundColor; };"
                + "const selected = rows.find((r) => r.classList.contains('selected'));"
                + "return [String(selected === document.activeElement), look(selected), look(rows.find((r) => r !== selected))];", table);
        assertThat(styles.get(0)).as("the selected row has focus").isEqualTo("true");
        assertThat(styles.get(1)).as("selected row").doesNotStartWith("none").isNotEqualTo(styles.get(2));
        assertThat(styles.get(1).split("\\|")[1]).as("background").isNotEqualTo(styles.get(2).split("\\|")[1]);
    }

    /**
     * The buttons of a queue or a counter's readings (the selection's actions and each row's) that are not wholly within its wrapper's
     * and the viewport's right edge (or cut inside), by label; and the table if it scrolls sideways.
     */
    @SuppressWarnings("unchecked")
    private static List<String> actionsOutOfView(String table) {
        return (List<String>) chromium.script("const wrap = document.querySelector(arguments[0]).closest('.table-wrap');"
                + "const area = wrap.getBoundingClientRect(); const card = wrap.closest('section').getBoundingClientRect();"
                + "const edge = Math.min(document.documentElement.clientWidth, window.innerWidth);"
                + "const inRow = (b) => wrap.contains(b);"
                + "return [...wrap.closest('section').querySelectorAll('button')].filter((b) => { const r = b.getBoundingClientRect();"
                + " const box = inRow(b) ? area : card;"
                + " return r.width === 0 || r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.right > edge + 0.5"
                + "  || b.scrollWidth > b.clientWidth; })"
                + ".map((b) => b.textContent + ' (right edge ' + Math.round(b.getBoundingClientRect().right) + ', wrapper '"
                + "  + Math.round(area.right) + ')')"
                + ".concat(wrap.scrollWidth > wrap.clientWidth ? ['the table scrolls sideways'] : []);", table);
    }

    /**
     * The identifiers of a queue's rows that the layout breaks over more than one line: a meter number or an
     * OBIS code (one line box each), or a word of a counter or source cell split inside (wrapping between words is fine).
     */
    private static List<String> identifiersBroken(String table) {
        return identifiersBroken(table, "tbody td.counter-cell, tbody td[data-label=\"Source\"], tbody td[data-label=\"Quelle\"]");
    }

    /** As {@link #identifiersBroken(String)}, with the words of every cell that {@code cells} selects. */
    @SuppressWarnings("unchecked")
    private static List<String> identifiersBroken(String table, String cells) {
        return (List<String>) chromium.script("const t = document.querySelector(arguments[0]);"
                + "const whole = [...t.querySelectorAll('tbody td.ident a, tbody .obis')]"
                + " .filter((e) => e.getClientRects().length !== 1).map((e) => e.textContent);"
                + "const lines = (range) => new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;"
                + "const split = [];"
                + "t.querySelectorAll(arguments[1]).forEach((cell) => {"
                + " const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);"
                + " for (let n = walker.nextNode(); n; n = walker.nextNode()) {"
                + "  for (const m of n.textContent.matchAll(/\\S+/g)) {"
                + "   const range = document.createRange(); range.setStart(n, m.index); range.setEnd(n, m.index + m[0].length);"
                + "   if (lines(range) > 1) split.push(m[0]);"
                + "  } } });"
                + "return whole.concat(split);", table, cells);
    }

    /** The buttons and keyboard legends an empty queue would show: none are visible. */
    @SuppressWarnings("unchecked")
    private static List<String> visibleActions() {
        return (List<String>) chromium.script("return [...document.querySelectorAll('main button, main .shortcuts')]"
                + ".filter((e) => e.getClientRects().length > 0).map((e) => e.textContent);");
    }

    private static JsonNode counterOf(String meter, String counter) throws Exception {
        JsonNode answer = api("/v1/metering/admin/meters/" + meter + "/counters", admin);
        for (JsonNode c : answer.has("data") ? answer.get("data") : answer) {
            if (c.get("_id").asText().equals(counter)) return c;
        }
        throw new AssertionError("no counter " + counter + " in " + answer);
    }

    /** Types into the page's prompt and confirms it. */
    private static void answer(String text) {
        Alert prompt = chromium.await(d -> {
            try {
                return d.switchTo().alert();
            } catch (org.openqa.selenium.NoAlertPresentException e) {
                return null;
            }
        });
        prompt.sendKeys(text);
        prompt.accept();
    }

    private static JsonNode latest(String meter, String counter) throws Exception {
        return api("/v1/metering/reading/" + meter + "/" + counter + "?sort=desc&size=1", admin).get("results").get(0);
    }

    private static JsonNode latest(String meter, String counter, String token) throws Exception {
        return api("/v1/metering/reading/" + meter + "/" + counter + "?sort=desc&size=1", token).get("results").get(0);
    }

    private static JsonNode api(String path, String token) throws Exception {
        Http.Reply r = http.get(path, token);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Creates what the body describes with a POST answered 201 (a meter, a counter) and returns its id. */
    private static String created(String path, String token, String body) throws Exception {
        return JSON.readTree(send("POST", path, token, body, 201)).get("data").get("_id").asText();
    }

    private static String send(String method, String path, String token, String body, int expected) throws Exception {
        Http.Reply r = http.send(method, path, token, "application/json", Http.utf8(body));
        assertThat(r.status()).as(method + " " + path + " " + r.body()).isEqualTo(expected);
        return r.body();
    }
}
