package io.metering.application.service.submission;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.MeteringException;
import io.metering.domain.error.NotFoundException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames the {@code readings[k]} positions the shared write path puts into its messages to the
 * names the caller's request uses (e.g. {@code meterReadings[1].htValue}), so a rejection points at
 * what the caller sent.
 */
final class ReadingLabels {
    private static final Pattern POSITION = Pattern.compile("(?<![A-Za-z])readings\\[(\\d+)\\]");

    private ReadingLabels() {}

    /**
     * @param e a rejection from the write path
     * @param labels the request's name for each position
     * @return the same rejection with renamed positions
     */
    static MeteringException relabel(MeteringException e, List<String> labels) {
        Matcher m = POSITION.matcher(e.getMessage());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int k = Integer.parseInt(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(k < labels.size() ? labels.get(k) : m.group()));
        }
        m.appendTail(out);
        if (e instanceof InvalidRequestException) {
            return new InvalidRequestException(e.reason(), out.toString());
        }
        if (e instanceof NotFoundException) {
            return new NotFoundException(out.toString());
        }
        return e;
    }
}
