package io.metering.domain.counter;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OBIS code (IEC 62056-61) such as {@code 1-0:1.8.0} or {@code 1-0:2.8.1*255}; the short form
 * {@code 1.8.0} (C.D.E only) is accepted too.
 *
 * <p>Counters store the OBIS number as text, as given: the contract types it as a string and its
 * example is {@code A-34}, the value-group notation with a letter. {@link #isWellFormed} says which
 * texts a counter accepts; this type reads what can be read from them.
 *
 * @param medium value group A (1 = electricity, 7 = gas, 8 = water), or -1 when absent
 * @param channel value group B, or -1 when absent
 * @param quantity value group C (for electricity: 1 = active energy drawn from the grid, 2 = active
 *     energy delivered to the grid)
 * @param processing value group D (8 = time integral, i.e. a register)
 * @param tariff value group E (0 = total, 1 = tariff 1, 2 = tariff 2, ...)
 */
public record ObisCode(int medium, int channel, int quantity, int processing, int tariff) {
    private static final Pattern FULL =
            Pattern.compile("^\\s*(\\d{1,3})-(\\d{1,3}):(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:\\*(\\d{1,3}))?\\s*$");
    /**
     * The value-group notation with letters: IEC 62056-61 writes some groups as capital letters
     * ({@code C} for 96, {@code F} for 97, ...), and the contract's example {@code A-34} names the
     * groups A and B only. Groups of one to three digits or capitals, at least one digit.
     */
    private static final Pattern LETTERED = Pattern.compile(
            "^(?=.*\\d)(?:G-G(?::G\\.G\\.G(?:\\*G)?)?|G\\.G\\.G)$".replace("G", "[0-9A-Z]{1,3}"));
    private static final Pattern SHORT = Pattern.compile("^\\s*(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\s*$");

    /**
     * @param text an OBIS number as stored on a counter, may be null
     * @return the parsed code, or empty when the text is not an OBIS code
     */
    public static Optional<ObisCode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher full = FULL.matcher(text);
        if (full.matches()) {
            return Optional.of(new ObisCode(i(full, 1), i(full, 2), i(full, 3), i(full, 4), i(full, 5)));
        }
        Matcher shortForm = SHORT.matcher(text);
        if (shortForm.matches()) {
            return Optional.of(new ObisCode(-1, -1, i(shortForm, 1), i(shortForm, 2), i(shortForm, 3)));
        }
        return Optional.empty();
    }

    /**
     * Whether a text is acceptable as a counter's OBIS number (docs/domain.md#obis-code): a code this
     * type reads ({@code 1-0:1.8.0}, {@code 1-0:2.8.1*255}, {@code 1.8.0}), the same forms with
     * capital letters for groups ({@code 1-0:C.1.0}), or groups A and B alone such as the contract's
     * example {@code A-34}. Free text such as {@code zzzz} is not.
     *
     * @param text the OBIS number, may be null
     * @return false for null or blank text
     */
    public static boolean isWellFormed(String text) {
        return text != null && (parse(text).isPresent() || LETTERED.matcher(text).matches());
    }

    /**
     * @param text a counter's new OBIS number
     * @return the text, when {@link #isWellFormed}
     * @throws InvalidRequestException {@code invalid_parameter} naming the text and the forms accepted
     */
    public static String requireWellFormed(String text) {
        if (!isWellFormed(text)) {
            throw new InvalidRequestException(RejectionReason.INVALID_PARAMETER, "obis_number '" + text
                    + "' is not an OBIS code; give it as A-B:C.D.E such as 1-0:1.8.0 (optionally with *F such as *255),"
                    + " or as C.D.E such as 1.8.0");
        }
        return text;
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /**
     * The energy direction the code names: C-field 1 is {@code feed-out}, 2 is {@code feed-in}
     * (docs/domain.md#writing-readings). Only electricity codes (medium 1, or the short form) carry a
     * direction; in other media these C values mean other quantities.
     */
    public Optional<Direction> direction() {
        if (medium != 1 && medium != -1) {
            return Optional.empty();
        }
        return switch (quantity) {
            case 1 -> Optional.of(Direction.FEED_OUT);
            case 2 -> Optional.of(Direction.FEED_IN);
            default -> Optional.empty();
        };
    }

    /**
     * The tariff register the code names: E = 1 is {@code ht}, E = 2 is {@code nt}, following the
     * common German assignment of tariff 1 to the peak (HT) register; E = 0 (total) names none.
     */
    public Optional<TariffType> tariffType() {
        return switch (tariff) {
            case 1 -> Optional.of(TariffType.HT);
            case 2 -> Optional.of(TariffType.NT);
            default -> Optional.empty();
        };
    }

    /**
     * Whether two OBIS numbers denote the same register, ignoring the F group and surrounding
     * blanks; texts that are not OBIS codes match only when equal.
     */
    public static boolean sameRegister(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        Optional<ObisCode> pa = parse(a);
        Optional<ObisCode> pb = parse(b);
        if (pa.isPresent() && pb.isPresent()) {
            ObisCode x = pa.get();
            ObisCode y = pb.get();
            boolean groupsAb = x.medium == -1 || y.medium == -1 || (x.medium == y.medium && x.channel == y.channel);
            return groupsAb && x.quantity == y.quantity && x.processing == y.processing && x.tariff == y.tariff;
        }
        return a.trim().equals(b.trim());
    }
}
