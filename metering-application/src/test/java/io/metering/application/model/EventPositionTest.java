package io.metering.application.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;

class EventPositionTest {
    @Test
    void cursorsSortAsTextExactlyAsPositionsSort() {
        qt().forAll(longs().between(0, Long.MAX_VALUE), longs().between(0, Long.MAX_VALUE),
                longs().between(0, Long.MAX_VALUE), longs().between(0, Long.MAX_VALUE))
                .checkAssert((t1, s1, t2, s2) -> {
                    EventPosition a = new EventPosition(t1, s1);
                    EventPosition b = new EventPosition(t2, s2);
                    assertThat(Integer.signum(a.cursor().compareTo(b.cursor()))).isEqualTo(Integer.signum(a.compareTo(b)));
                    assertThat(EventPosition.parse(a.cursor())).isEqualTo(a);
                });
    }

    @Test
    void theCursorIsThirtyTwoHexDigits() {
        assertThat(new EventPosition(0x2f1L, 7).cursor()).isEqualTo("00000000000002f10000000000000007");
        assertThat(EventPosition.START.cursor()).isEqualTo("0".repeat(32));
    }

    @Test
    void anythingElseIsNoCursor() {
        for (String bad : new String[] {"", "12", "0".repeat(31) + "G", "0".repeat(31) + "A", "0".repeat(33), "f".repeat(32)}) {
            assertThatThrownBy(() -> EventPosition.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aHalfBeyondSixtyThreeBitsIsOutOfRangeSaidWithoutInternalValues() {
        for (String bad : new String[] {"f".repeat(32), "8" + "0".repeat(31), "0".repeat(16) + "8" + "0".repeat(15)}) {
            assertThatThrownBy(() -> EventPosition.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a cursor is 32 lower-case hex digits as the feed returns it; this one is out of range");
        }
        assertThat(EventPosition.parse("7".repeat(32)).txId()).isEqualTo(0x7777777777777777L);
    }
}
