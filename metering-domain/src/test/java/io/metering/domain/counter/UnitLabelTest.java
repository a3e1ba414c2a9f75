package io.metering.domain.counter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitLabelTest {
    @Test
    void surroundingBlanksAndBlankTextCarryNoMeaning() {
        assertThat(UnitLabel.meaning(" kWh\t")).isEqualTo("kWh");
        assertThat(UnitLabel.meaning("  ")).isNull();
        assertThat(UnitLabel.meaning(null)).isNull();
        assertThat(UnitLabel.same("kWh", " kWh ")).isTrue();
        assertThat(UnitLabel.same("", null)).isTrue();
    }

    @Test
    void caseAndInnerTextDoMatter() {
        assertThat(UnitLabel.same("MWh", "mWh")).as("megawatt hour is no milliwatt hour").isFalse();
        assertThat(UnitLabel.same("kWh", "kwh")).isFalse();
        assertThat(UnitLabel.same("m3", "m³")).isFalse();
        assertThat(UnitLabel.same("kWh", null)).isFalse();
    }
}
