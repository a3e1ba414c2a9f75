package io.metering.domain.counter;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OBIS code (IEC 62056-61) such as {@code 1-0:1.8.0} or {@code 1-0:2.8.1*255}; the short form
 * {@code 1.8.0} (C.D.E only) is accepted too.
 *
 * <p>Counters store the OBIS number as text because the contract allows any string (its example is
 * {@code A-34}); this type reads what can be read from it.
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
