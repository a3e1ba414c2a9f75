package io.metering.domain.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.counter.Counter;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The short ways to make meters, counters and readings for pure validation (docs/domain-library.md). */
class ReadingBuilderTest {
    private final Meter meter = Meter.builder(MeterId.random()).build();

    @Test
    void aStandaloneMeterAndItsCounterNeedNoOrganizationOrCreationTime() {
        Counter counter = Counter.builder(CounterId.random(), meter).build();

        assertThat(meter.org()).isEqualTo(OrganizationId.STANDALONE);
        assertThat(meter.createdAt()).isEqualTo(Instant.EPOCH);
        assertThat(counter.org()).isEqualTo(meter.org());
        assertThat(counter.meterId()).isEqualTo(meter.id());
    }

    @Test
    void aReadingOfACounterTakesTheDirectionItsObisCodeNamesAndSourceErp() {
        Counter feedIn = Counter.builder(CounterId.random(), meter).obisNumber("1-0:2.8.0").build();

        Reading r = Reading.builder(feedIn).at(Instant.parse("2025-01-01T00:00:00.1234Z")).value("12.50").build();

        assertThat(r.meterId()).isEqualTo(meter.id());
        assertThat(r.counterId()).isEqualTo(feedIn.id());
        assertThat(r.direction()).isEqualTo(Direction.FEED_IN);
        assertThat(r.source()).isEqualTo(ReadingSource.ERP);
        assertThat(r.value().toPlainString()).isEqualTo("12.5"); // stored without trailing zeros, as every reading
        assertThat(r.timestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:00.123Z"));
    }

    @Test
    void aCounterThatNamesNoDirectionNeedsOneSet() {
        Counter bare = Counter.builder(CounterId.random(), meter).build();
        Reading.Builder b = Reading.builder(bare).at(Instant.EPOCH).value("1");

        assertThatThrownBy(b::build).isInstanceOf(NullPointerException.class).hasMessageContaining("direction");
        assertThat(b.direction(Direction.FEED_OUT).build().direction()).isEqualTo(Direction.FEED_OUT);
    }

    @Test
    void theBuilderValidatesTheValueAsTheConstructorDoes() {
        Counter bare = Counter.builder(CounterId.random(), meter).direction(Direction.FEED_OUT).build();

        assertThatThrownBy(() -> Reading.builder(bare).at(Instant.EPOCH).value("-1").build()).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void toBuilderCopiesEveryField() {
        Counter counter = Counter.builder(CounterId.random(), meter).direction(Direction.FEED_OUT).build();
        Reading full = new Reading(meter.id(), counter.id(), Direction.FEED_OUT, Instant.EPOCH, java.math.BigDecimal.TEN,
                ReadingSource.ECP, ReadingReason.REGULAR, "customer", ReadingStatus.VALID, "ext-1", "remark", "note", "kWh", Map.of("k", "v"));

        assertThat(full.toBuilder().build()).isEqualTo(full);
    }
}
