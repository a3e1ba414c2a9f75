package io.metering.domain.time;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as the API writes them: UTC with milliseconds, {@code 2022-10-10T08:00:00.000Z}
 * (docs/domain.md#values-instants-days), the fraction truncated as {@link #FORMAT} truncates it.
 * Years 0 to 9999 (every stored reading: {@link TimeInput#MIN} to {@link TimeInput#MAX}) are written
 * digit by digit, since a response of 100 readings writes hundreds of instants and the formatter
 * was a visible share of its CPU (docs/benchmarks.md "Steady state and JIT"); other years go
 * through {@link #FORMAT}.
 */
public final class InstantText {
    /** The format, as a formatter: {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC. */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final int SECONDS_PER_DAY = 86_400;

    private InstantText() {}

    /** The instant in the API's form, exactly what {@link #FORMAT} writes. */
    public static String millis(Instant t) {
        long day = Math.floorDiv(t.getEpochSecond(), SECONDS_PER_DAY);
        int second = (int) Math.floorMod(t.getEpochSecond(), SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return FORMAT.format(t);
        }
        byte[] b = new byte[24];
        digits(b, 0, year, 4);
        b[4] = '-';
        digits(b, 5, date.getMonthValue(), 2);
        b[7] = '-';
        digits(b, 8, date.getDayOfMonth(), 2);
        b[10] = 'T';
        digits(b, 11, second / 3600, 2);
        b[13] = ':';
        digits(b, 14, second / 60 % 60, 2);
        b[16] = ':';
        digits(b, 17, second % 60, 2);
        b[19] = '.';
        digits(b, 20, t.getNano() / 1_000_000, 3);
        b[23] = 'Z';
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code value} as exactly {@code count} decimal digits ending before {@code at + count}. */
    private static void digits(byte[] b, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
