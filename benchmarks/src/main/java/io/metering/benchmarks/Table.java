package io.metering.benchmarks;

import java.util.Locale;

/** The results table (docs/benchmarks.md): one Markdown row per figure, printed as it is measured. */
final class Table {
    private final StringBuilder text = new StringBuilder(
            "| mode | benchmark | service | raw database | ratio | goal |\n|---|---|---|---|---|---|\n");

    /**
     * Adds a row and prints it.
     *
     * @param ratio service / raw (or the figure the row names), NaN for none
     */
    void row(String mode, String what, String service, String raw, double ratio, String goal) {
        String r = String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", mode, what, service, raw,
                Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio), goal);
        text.append(r);
        System.out.print(r);
    }

    String text() {
        return text.toString();
    }
}
