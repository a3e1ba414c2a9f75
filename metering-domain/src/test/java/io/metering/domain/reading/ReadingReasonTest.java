package io.metering.domain.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A reading's reason: the contract's codes, free text, and the two codes that start a segment. */
class ReadingReasonTest {

    @Test
    void theNamedCodesAreTheContractsAndOnlyMeterChangeAndAdjustmentStartASegment() {
        List<ReadingReason> named = List.of(ReadingReason.REGULAR, ReadingReason.IRREGULAR, ReadingReason.LAST, ReadingReason.FIRST,
                ReadingReason.METER_CHANGE, ReadingReason.CONTRACT_CHANGE, ReadingReason.METER_ADJUSTMENT);

        assertThat(named).allMatch(ReadingReason::isKnown);
        assertThat(named).filteredOn(ReadingReason::startsSegment)
                .containsExactly(ReadingReason.METER_CHANGE, ReadingReason.METER_ADJUSTMENT);
        assertThat(ReadingReason.KNOWN).hasSize(named.size() + 1).contains("");
    }

    @Test
    void freeTextIsKeptAsGivenAndIsNoCode() {
        ReadingReason text = ReadingReason.of("Zählerwechsel laut Monteur");

        assertThat(text.isKnown()).isFalse();
        assertThat(text.startsSegment()).isFalse();
        assertThat(text.text()).isEqualTo("Zählerwechsel laut Monteur");
        assertThat(ReadingReason.of("meter_change")).isEqualTo(ReadingReason.METER_CHANGE);
    }

    @Test
    void noReasonIsNullNotAnEmptyReason() {
        assertThat(ReadingReason.of(null)).isNull();
        assertThat(ReadingReason.textOf(null)).isNull();
        assertThat(ReadingReason.of("").isKnown()).isTrue();
        assertThat(ReadingReason.textOf(ReadingReason.of(""))).isEmpty();
        assertThatThrownBy(() -> new ReadingReason(null)).isInstanceOf(NullPointerException.class);
    }
}
