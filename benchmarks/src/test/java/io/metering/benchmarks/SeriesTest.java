package io.metering.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeriesTest {
    private static final String READING = "{\"meter_id\":\"m\",\"counter_id\":\"c\",\"value\":\"1.5\",\"note\":\"counter\"}";

    @Test
    void countsEveryReadingOfAStreamedAnswerAcrossItsReads() throws IOException {
        String body = "{\"hits\":3000,\"results\":[" + String.join(",", java.util.Collections.nCopies(3000, READING)) + "]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = Arrays.copyOf(bytes, 64);
        // reads of 7 bytes split the member name across reads
        InputStream rest = new ByteArrayInputStream(bytes, 64, bytes.length - 64) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };

        assertThat(Series.occurrences(head, rest)).isEqualTo(3000);
    }

    @Test
    void anAnswerWithoutReadingsCountsNone() throws IOException {
        byte[] head = "{\"hits\":0,\"results\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThat(Series.occurrences(head, InputStream.nullInputStream())).isZero();
    }
}
