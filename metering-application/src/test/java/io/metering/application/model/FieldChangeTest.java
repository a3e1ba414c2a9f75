package io.metering.application.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldChangeTest {
    @Test
    void keepLeavesTheStoredValueClearRemovesItSetReplacesIt() {
        assertThat(FieldChange.<String>keep().applyTo("stored")).isEqualTo("stored");
        assertThat(FieldChange.<String>clear().applyTo("stored")).isNull();
        assertThat(FieldChange.setOrKeep("new").applyTo("stored")).isEqualTo("new");
    }

    @Test
    void aFieldLeftOutKeeps() {
        assertThat(FieldChange.setOrKeep(null).keeps()).isTrue();
        assertThat(FieldChange.setOrKeep("x").keeps()).isFalse();
        assertThat(FieldChange.clear().keeps()).isFalse();
    }

    @Test
    void onlySetCarriesAValue() {
        assertThatThrownBy(() -> new FieldChange<>(FieldChange.Kind.SET, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldChange<>(FieldChange.Kind.CLEAR, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldChange<>(FieldChange.Kind.KEEP, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
