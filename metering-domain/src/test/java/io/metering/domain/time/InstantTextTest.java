package io.metering.domain.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantTextTest {
    /** Year 0 to year 9999 and a margin beyond, in epoch seconds. */
    private static final long FROM = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
    private static final long TO = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();

    @Test
    void writesEveryInstantAsTheFormatterDoes() {
        qt().withExamples(20_000).forAll(longs().between(FROM, TO), integers().between(0, 999_999_999))
                .checkAssert((second, nano) -> {
                    Instant t = Instant.ofEpochSecond(second, nano);
                    assertThat(InstantText.millis(t)).as("%s", t).isEqualTo(InstantText.FORMAT.format(t));
                });
    }

    @Test
    void truncatesToMillisecondsAndPadsEveryField() {
        assertThat(InstantText.millis(Instant.parse("2022-10-10T08:00:00Z"))).isEqualTo("2022-10-10T08:00:00.000Z");
        assertThat(InstantText.millis(Instant.parse("0009-01-02T03:04:05.006999999Z"))).isEqualTo("0009-01-02T03:04:05.006Z");
        assertThat(InstantText.millis(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo("1969-12-31T23:59:59.999Z");
        assertThat(InstantText.millis(Instant.parse("9999-12-31T23:59:59.999Z"))).isEqualTo("9999-12-31T23:59:59.999Z");
        assertThat(InstantText.millis(Instant.parse("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00.000Z");
    }
}
