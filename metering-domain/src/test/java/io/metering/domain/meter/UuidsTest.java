package io.metering.domain.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UuidsTest {
    /** The canonical form as a regular expression: the specification the hand-written check follows. */
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Hex digits of both cases, near misses and other scripts' digits (which Character.digit takes). */
    private static final String ALPHABET = "0123456789abcdefABCDEF-gG \u0663\uff11";

    @Test
    void acceptsExactlyWhatTheCanonicalPatternAccepts() {
        qt().withExamples(20_000)
                .forAll(lists().of(integers().between(0, 99)).ofSizeBetween(34, 38))
                .checkAssert(picks -> {
                    String text = text(picks);
                    Optional<UUID> parsed = Uuids.parse(text);
                    assertThat(parsed.isPresent()).as(text).isEqualTo(CANONICAL.matcher(text).matches());
                    parsed.ifPresent(u -> assertThat(u.toString()).isEqualToIgnoringCase(text));
                });
    }

    @Test
    void refusesShortFormsAndNull() {
        assertThat(Uuids.parse("1-1-1-1-1")).isEmpty();
        assertThat(Uuids.parse(null)).isEmpty();
        assertThat(Uuids.parse("123e4567-e89b-12d3-a456-4266141740\u0663\u0663")).isEmpty();
        assertThat(Uuids.parse("123E4567-E89B-12D3-A456-426614174000")).contains(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    }

    /**
     * Mostly well-formed text: dashes where the canonical form has them and hex digits elsewhere,
     * with six picks in a hundred a dash or a character that is not an ASCII hex digit instead.
     */
    private static String text(List<Integer> picks) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < picks.size(); i++) {
            int p = picks.get(i);
            if (p < 6) {
                sb.append(ALPHABET.charAt(22 + p)); // a dash out of place or a character that is no hex digit
            } else if (i == 8 || i == 13 || i == 18 || i == 23) {
                sb.append('-');
            } else {
                sb.append(ALPHABET.charAt(p % 22));
            }
        }
        return sb.toString();
    }
}
