package io.metering.domain.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.domain.counter.Direction;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.ReadingSource;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WireCodesTest {
    private enum Shared {
        FIRST("a"), SECOND("a"), THIRD("b");

        private final String code;

        Shared(String code) {
            this.code = code;
        }
    }

    @Test
    void findsEveryConstantByItsCodeAndNothingElse() {
        WireCodes<Shared> codes = WireCodes.of(Shared.values(), s -> s.code);
        assertThat(codes.find("b")).contains(Shared.THIRD);
        assertThat(codes.find("c")).isEmpty();
        assertThat(codes.find(null)).isEmpty();
        assertThat(codes.find(" b")).isEmpty();
        assertThat(codes.find("B")).isEmpty();
    }

    @Test
    void theFirstDeclaredConstantWinsASharedCode() {
        assertThat(WireCodes.of(Shared.values(), s -> s.code).find("a")).contains(Shared.FIRST);
    }

    @Test
    void theEnumsFindEachOfTheirOwnCodes() {
        Arrays.stream(ReadingSource.values()).forEach(s -> assertThat(ReadingSource.fromCode(s.code())).contains(s));
        Arrays.stream(Direction.values()).forEach(d -> assertThat(Direction.fromCode(d.code())).contains(d));
        Arrays.stream(Sector.values()).forEach(s -> assertThat(Sector.fromCode(s.code())).contains(s));
        assertThat(ReadingSource.fromCode("erp")).isEmpty();
        assertThat(Direction.fromCode(null)).isEmpty();
    }
}
