package io.metering.adapters.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link AcceptedTypes#admits}: the most specific matching range decides, by its weight. */
class AcceptedTypesTest {
    private static final String JSON = AcceptedTypes.JSON;

    @Test
    void noHeaderAndWildcardsAdmitJson() {
        assertThat(AcceptedTypes.admits(null, JSON)).isTrue();
        assertThat(AcceptedTypes.admits(" ", JSON)).isTrue();
        assertThat(AcceptedTypes.admits("*/*", JSON)).isTrue();
        assertThat(AcceptedTypes.admits("application/*", JSON)).isTrue();
        assertThat(AcceptedTypes.admits("APPLICATION/JSON", JSON)).isTrue();
        assertThat(AcceptedTypes.admits("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", JSON)).isTrue();
    }

    @Test
    void otherTypesAndAZeroWeightAdmitNoJson() {
        assertThat(AcceptedTypes.admits("application/xml", JSON)).isFalse();
        assertThat(AcceptedTypes.admits("text/html", JSON)).isFalse();
        assertThat(AcceptedTypes.admits("application/json;q=0", JSON)).isFalse();
        assertThat(AcceptedTypes.admits("application/json; q=0.0", JSON)).isFalse();
        assertThat(AcceptedTypes.admits("application/json;q=0, */*", JSON)).isFalse();
        assertThat(AcceptedTypes.admits("application/*;q=0, */*", JSON)).isFalse();
        assertThat(AcceptedTypes.admits("application/json;q=abc", JSON)).isFalse();
    }

    @Test
    void aMoreSpecificRangeOverridesAZeroWildcard() {
        assertThat(AcceptedTypes.admits("*/*;q=0, application/json;q=0.2", JSON)).isTrue();
        assertThat(AcceptedTypes.admits("text/*", "text/csv")).isTrue();
        assertThat(AcceptedTypes.admits("text/*;q=0, text/csv", "text/csv")).isTrue();
    }
}
