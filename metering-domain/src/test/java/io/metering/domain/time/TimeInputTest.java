package io.metering.domain.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeInputTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant instant(String text) {
        return TimeInput.readingInstant(text, "timestamp", BERLIN);
    }

    private static void assertRefused(String text) {
        assertRefused(text, "timestamp");
    }

    /** {@code invalid_timestamp}, with {@code message} in the message. */
    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> TimeInput.parse(text, "timestamp", BERLIN))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_TIMESTAMP))
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2022-10-10T08:00:00.000Z, 2022-10-10T08:00:00Z",
            "2022-10-10T08:00:00z, 2022-10-10T08:00:00Z",
            "2022-10-10T08:00Z, 2022-10-10T08:00:00Z",
            "2022-10-10T10:00:00+02:00, 2022-10-10T08:00:00Z",
            "2022-10-10T03:00:00-05:00, 2022-10-10T08:00:00Z",
            "2022-10-10T00:30:00+01:00, 2022-10-09T23:30:00Z",
            "' 2022-10-10T08:00:00Z ', 2022-10-10T08:00:00Z",
    })
    void instantsWithZoneDesignatorOrOffsetAreExact(String text, String expected) {
        assertThat(TimeInput.parse(text, "timestamp", BERLIN)).isEqualTo(new TimeInput.Exact(Instant.parse(expected)));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "2022-10-10t08:00:00z, 2022-10-10T08:00:00Z",
            "2022-10-10t08:00:00Z, 2022-10-10T08:00:00Z",
            "2022-10-10t10:00:00+02:00, 2022-10-10T08:00:00Z",
            "2022-10-10t03:00:00-05:00, 2022-10-10T08:00:00Z",
            "2022-10-10t10:00:00, 2022-10-10T08:00:00Z",
    })
    void rfc3339AllowsALowercaseTAndZ(String text, String expected) {
        assertThat(instant(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void anOffsetIsNotReinterpretedInTheBusinessZone() {
        assertThat(instant("2025-03-30T02:30:00+01:00")).isEqualTo(Instant.parse("2025-03-30T01:30:00Z"));
        assertThat(instant("2025-03-30T02:30:00Z")).isEqualTo(Instant.parse("2025-03-30T02:30:00Z"));
    }

    @Test
    void aDateOnlyInputNamesTheDate() {
        assertThat(TimeInput.parse("2022-10-10", "timestamp", BERLIN)).isEqualTo(new TimeInput.DateOnly(LocalDate.of(2022, 10, 10)));
    }

    @Test
    void aDateOnlyReadingTimestampIsMidnightUtcNotMidnightInBerlin() {
        assertThat(instant("2022-10-10")).isEqualTo(Instant.parse("2022-10-10T00:00:00Z"));
    }

    @ParameterizedTest(name = "{0} in Berlin is {1}")
    @CsvSource({
            "2022-10-10T10:00:00, 2022-10-10T08:00:00Z",
            "2022-01-10T09:00:00, 2022-01-10T08:00:00Z",
            "2022-01-10T09:00, 2022-01-10T08:00:00Z",
            "2025-03-30T01:59:59.999, 2025-03-30T00:59:59.999Z",
            "2025-03-30T03:00:00, 2025-03-30T01:00:00Z",
            "2025-10-26T01:59:59, 2025-10-25T23:59:59Z",
            "2025-10-26T03:00:00, 2025-10-26T02:00:00Z",
    })
    void localDateTimesAreReadInTheBusinessZone(String text, String expected) {
        assertThat(instant(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void localDateTimesFollowTheConfiguredZone() {
        assertThat(TimeInput.readingInstant("2022-10-10T10:00:00", "timestamp", ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2022-10-10T10:00:00Z"));
    }

    @Test
    void aLocalTimeSkippedByTheSpringClockChangeIsRefused() {
        assertRefused("2025-03-30T02:30", "does not exist");
    }

    @Test
    void aLocalTimeRepeatedByTheAutumnClockChangeIsRefused() {
        assertRefused("2025-10-26T02:30:00", "ambiguous");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-30", "2025-02-29", "2025-13-01", "2025-04-31", "2025-02-30T10:00:00Z",
            "2025-02-30T10:00:00", "2025-01-01T24:00:00Z", "2025-01-01T10:60:00Z"})
    void impossibleDatesAndTimesAreRefused(String text) {
        assertRefused(text);
    }

    @Test
    void the29thOfFebruaryExistsInLeapYears() {
        assertThat(instant("2024-02-29")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "10.10.2022", "2022/10/10", "20221010", "2022-10-10 08:00:00Z", "1665388800000",
            "2022-10-10T08:00:00+25:00"})
    void textThatIsNoDateOrDateTimeIsRefused(String text) {
        assertRefused(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void emptyInputIsRefused(String text) {
        assertRefused(text);
    }

    @Test
    void overlyLongInputIsRefusedAndCutInTheMessage() {
        String longText = "2022-10-10T08:00:00.000000000Z" + "x".repeat(500);
        assertThatThrownBy(() -> TimeInput.parse(longText, "timestamp", BERLIN))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    }

    @Test
    void subMillisecondPrecisionIsTruncatedNotRounded() {
        assertThat(instant("2022-10-10T08:00:00.123999999Z")).isEqualTo(Instant.parse("2022-10-10T08:00:00.123Z"));
        assertThat(instant("2022-10-10T10:00:00.9999+02:00")).isEqualTo(Instant.parse("2022-10-10T08:00:00.999Z"));
        assertThat(instant("2022-10-10T10:00:00.0005")).isEqualTo(Instant.parse("2022-10-10T08:00:00Z"));
    }

    @Test
    void years1900To9999AreSupported() {
        assertThat(instant("1900-01-01")).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(instant("1900-01-01T00:00:00Z")).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(instant("9999-12-31")).isEqualTo(Instant.parse("9999-12-31T00:00:00Z"));
        assertThat(instant("9999-12-31T23:59:59.999Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31", "1899-12-31T23:59:59.999Z", "1900-01-01T00:30:00+01:00",
            "9999-12-31T23:30:00-01:00", "0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"})
    void instantsOutsideYears1900To9999AreRefused(String text) {
        assertRefused(text);
    }

    /**
     * The canonical UTC forms ({@code ...:ssZ}, {@code ...:ss.SSSZ}) are read without the formatter;
     * on random fields, valid or not (month 13, 31 April, 29 February, hour 24, second 60, years
     * outside 1900-9999) the answer is the formatter's: the same instant or the same refusal.
     */
    @Test
    void canonicalUtcTimestampsReadAsTheFormatterReadsThem() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            String text = String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%sZ", random.nextInt(3) == 0
                    ? random.nextInt(10_000) : 1890 + random.nextInt(200), random.nextInt(14), random.nextInt(33), random.nextInt(26),
                    random.nextInt(61), random.nextInt(62), random.nextBoolean() ? "" : String.format(java.util.Locale.ROOT, ".%03d",
                            random.nextInt(1000)));
            String expected;
            try {
                Instant parsed = java.time.OffsetDateTime.parse(text, java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                expected = parsed.isBefore(TimeInput.MIN) || !parsed.isBefore(TimeInput.MAX) ? "refused" : parsed.toString();
            } catch (java.time.DateTimeException e) {
                expected = "refused";
            }
            String actual;
            try {
                actual = ((TimeInput.Exact) TimeInput.parse(text, "timestamp", BERLIN)).instant().toString();
            } catch (InvalidRequestException e) {
                assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_TIMESTAMP);
                actual = "refused";
            }
            assertThat(actual).as(text).isEqualTo(expected);
        }
    }
}
