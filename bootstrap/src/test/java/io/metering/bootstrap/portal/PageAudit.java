package io.metering.bootstrap.portal;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Each page of a web app checked at the browser's desktop width with axe-core (serious and critical
 * violations) and at a phone's 360 px (no sideways scrolling), with full-page screenshots when asked.
 */
final class PageAudit {
    private PageAudit() {}

    /**
     * @param pages view name to route, in order
     * @param open opens a route and waits for its view
     * @param screenshots the folder for {@code prefix + view + "-desktop.png"} / {@code "-phone.png"}, or null
     * @return what is wrong, empty when nothing is
     */
    static List<String> problems(Chromium chromium, Map<String, String> pages, BiConsumer<String, String> open, String screenshots,
            String prefix) throws Exception {
        List<String> problems = new ArrayList<>();
        for (boolean phone : List.of(false, true)) {
            if (phone) {
                chromium.viewport(360, 780, true);
            }
            for (var page : pages.entrySet()) {
                open.accept(page.getValue(), page.getKey());
                if (page.getKey().equals("consumption")) {
                    chromium.awaitElement(".chart canvas"); // uPlot draws after the view is shown
                }
                if (phone) {
                    long overflow = ((Number) chromium.script(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
                    if (overflow > 0) {
                        problems.add(page.getKey() + " scrolls sideways by " + overflow + " px at 360 px");
                    }
                } else {
                    Results axe = new AxeBuilder().analyze(chromium.driver);
                    for (Rule v : axe.getViolations()) {
                        if ("serious".equals(v.getImpact()) || "critical".equals(v.getImpact())) {
                            problems.add(page.getKey() + ": " + v.getId() + " (" + v.getImpact() + ") " + v.getHelp() + " at "
                                    + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList());
                        }
                    }
                }
                if (screenshots != null) {
                    Screenshots.save(chromium, Path.of(screenshots), prefix + page.getKey() + (phone ? "-phone" : "-desktop") + ".png");
                }
            }
        }
        chromium.viewport(0, 0, false);
        return problems;
    }
}
