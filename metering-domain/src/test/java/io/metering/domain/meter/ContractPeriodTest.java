package io.metering.domain.meter;

import static io.metering.domain.fixtures.Fixtures.powerMeter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractPeriodTest {
    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void aPeriodIncludesItsStartAndExcludesItsEnd() {
        ContractPeriod first = new ContractPeriod(t("2023-01-01T00:00:00Z"), t("2023-07-01T00:00:00Z"));
        assertThat(first.contains(t("2023-01-01T00:00:00Z"))).isTrue();
        assertThat(first.contains(t("2023-06-30T23:59:59.999Z"))).isTrue();
        assertThat(first.contains(t("2023-07-01T00:00:00Z"))).isFalse();
        assertThat(first.contains(t("2022-12-31T23:59:59.999Z"))).isFalse();
    }

    @Test
    void anOpenPeriodHasNoEnd() {
        ContractPeriod open = new ContractPeriod(t("2024-01-01T00:00:00Z"), null);
        assertThat(open.contains(t("9999-12-31T23:59:59.999Z"))).isTrue();
        assertThat(open.contains(t("2023-12-31T23:59:59.999Z"))).isFalse();
    }

    @Test
    void aPeriodNeedsAStartBeforeItsEnd() {
        assertThatThrownBy(() -> new ContractPeriod(null, t("2024-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.MISSING_PARAMS));
        assertThatThrownBy(() -> new ContractPeriod(t("2024-01-01T00:00:00Z"), t("2024-01-01T00:00:00Z")))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectionReason.INVALID_PARAMETER));
        assertThatThrownBy(() -> new ContractPeriod(t("2024-01-02T00:00:00Z"), t("2024-01-01T00:00:00Z")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aMeterWithoutPeriodsAcceptsReadingsAtAnyInstant() {
        assertThat(powerMeter().build().acceptsReadingAt(t("1900-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void aMeterWithPeriodsAcceptsReadingsInsideAnyOfThemOnly() {
        Meter meter = powerMeter().contractPeriods(List.of(
                new ContractPeriod(t("2023-01-01T00:00:00Z"), t("2023-07-01T00:00:00Z")),
                new ContractPeriod(t("2024-01-01T00:00:00Z"), null))).build();
        assertThat(meter.acceptsReadingAt(t("2023-03-01T00:00:00Z"))).isTrue();
        assertThat(meter.acceptsReadingAt(t("2023-07-01T00:00:00Z"))).isFalse();
        assertThat(meter.acceptsReadingAt(t("2023-12-31T23:59:59.999Z"))).isFalse();
        assertThat(meter.acceptsReadingAt(t("2024-01-01T00:00:00Z"))).isTrue();
        assertThat(meter.acceptsReadingAt(t("2030-01-01T00:00:00Z"))).isTrue();
        assertThat(meter.acceptsReadingAt(t("2022-12-31T23:59:59.999Z"))).isFalse();
    }
}
