package io.metering.adapters.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Query strings that the service can read faithfully (HTTP clients refuse to send the others). */
class QueryTextTest {

    @Test
    void escapesMustBeCompleteHexAndDecodeToUtf8() {
        assertThat(QueryText.isWellFormed("ma_lo_id=%E2%82%AC&x=a+b&y=%7e")).isTrue();
        assertThat(QueryText.isWellFormed("a=\u00e4")).isTrue();
        assertThat(QueryText.isWellFormed("ma_lo_id=%zz")).isFalse();
        assertThat(QueryText.isWellFormed("size=5%")).isFalse();
        assertThat(QueryText.isWellFormed("size=%3")).isFalse();
        assertThat(QueryText.isWellFormed("a=%E2%82")).isFalse();
        assertThat(QueryText.isWellFormed("a=%ED%A0%80")).as("an encoded surrogate").isFalse();
        assertThat(QueryText.isWellFormed("a=%FF")).isFalse();
    }
}
