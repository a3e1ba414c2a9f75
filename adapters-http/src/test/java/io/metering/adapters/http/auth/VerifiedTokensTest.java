package io.metering.adapters.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.application.access.Caller;
import io.metering.application.fakes.MutableClock;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.Date;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2024-06-15T10:00:00Z");
    private static final VerifiedToken ALICE = VerifiedToken.of(Caller.admin(new OrganizationId("org-1"), "alice"));

    private final MutableClock clock = new MutableClock(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(clock);

    @Test
    void aTokenIsAnsweredForThirtySecondsAfterItWasVerified() {
        tokens.remember("t", ALICE, Date.from(NOW.plusSeconds(3600)), null);

        clock.set(NOW.plusSeconds(29));
        assertThat(tokens.find("t")).isSameAs(ALICE);
        clock.set(NOW.plusSeconds(30));
        assertThat(tokens.find("t")).isNull();
        clock.set(NOW.plusSeconds(1));
        assertThat(tokens.find("t")).as("forgotten once too old").isNull();
    }

    @Test
    void neverAtOrAfterItsExpiryNorBeforeItsNotBeforeNorWhenTheClockWentBack() {
        tokens.remember("expiring", ALICE, Date.from(NOW.plusSeconds(10)), null);
        clock.set(NOW.plusSeconds(10));
        assertThat(tokens.find("expiring")).isNull();

        clock.set(NOW);
        tokens.remember("early", ALICE, Date.from(NOW.plusSeconds(3600)), Date.from(NOW.plusSeconds(5)));
        assertThat(tokens.find("early")).isNull();

        tokens.remember("back", ALICE, Date.from(NOW.plusSeconds(3600)), null);
        clock.set(NOW.minusSeconds(1));
        assertThat(tokens.find("back")).isNull();
    }

    @Test
    void onlyTheExactTextAndOnlyTokensWithAnExpiry() {
        tokens.remember("t", ALICE, Date.from(NOW.plusSeconds(3600)), null);
        tokens.remember("no-exp", ALICE, null, null);

        assertThat(tokens.find("t ")).isNull();
        assertThat(tokens.find("T")).isNull();
        assertThat(tokens.find("no-exp")).isNull();
    }

    @Test
    void holdsAtMostItsCapacity() {
        for (int i = 0; i <= VerifiedTokens.CAPACITY; i++) {
            tokens.remember("t" + i, ALICE, Date.from(NOW.plusSeconds(3600)), null);
        }
        long held = IntStream.rangeClosed(0, VerifiedTokens.CAPACITY)
                .filter(i -> tokens.find("t" + i) != null).count();
        assertThat(held).isBetween(1L, (long) VerifiedTokens.CAPACITY);
        assertThat(tokens.find("t" + VerifiedTokens.CAPACITY)).as("the newest is kept").isSameAs(ALICE);
    }
}
