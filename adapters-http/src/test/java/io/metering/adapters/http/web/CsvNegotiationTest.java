package io.metering.adapters.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code Accept} negotiation of the CSV exports (RFC 9110 12.5.1): q-values order the ranges,
 * {@code q=0} is not acceptable, equal q-values keep the client's order, and JSON is the answer
 * unless CSV comes out first.
 */
class CsvNegotiationTest {
    @ParameterizedTest(name = "{0} -> csv {1}")
    @CsvSource(delimiter = '|', value = {
        "text/csv                                      | true",
        "TEXT/CSV; charset=utf-8                       | true",
        "text/csv, application/json                    | true",
        "application/json, text/csv                    | false",
        "text/csv;q=0, application/json                | false",
        "text/csv;q=0                                  | false",
        "text/csv;q=0.1, application/json;q=0.9        | false",
        "application/json;q=0.5, text/csv              | true",
        "text/csv, application/json;q=0.5              | true",
        "text/csv;q=0.9, */*;q=0.1                     | true",
        "*/*                                           | false",
        "*/*, text/csv                                 | false",
        "application/*;q=0.8, text/csv;q=0.9           | true",
        "text/html, text/csv;q=0.5                     | true",
        "text/html                                     | false",
        "''                                            | false",
    })
    void csvOnlyWhenItRanksFirst(String accept, boolean csv) {
        assertThat(CsvNegotiation.wantsCsv(accept)).isEqualTo(csv);
    }

    @Test
    void noHeaderIsJson() {
        assertThat(CsvNegotiation.wantsCsv((String) null)).isFalse();
    }
}
