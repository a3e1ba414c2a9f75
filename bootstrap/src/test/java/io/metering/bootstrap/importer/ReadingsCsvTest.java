package io.metering.bootstrap.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.metering.application.port.in.ReadingInput;
import io.metering.domain.counter.Direction;
import io.metering.domain.error.InvalidRequestException;
import io.metering.domain.error.RejectionReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The documented import file format. */
class ReadingsCsvTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String METER = "d900b93f-abdf-3f5b-8f95-3368e8e76d0f";
    private static final String COUNTER = "b2eb110b-1dc1-3060-9dc5-2bf3eb291d38";

    private static ReadingsCsv csv(String text) {
        return new ReadingsCsv(new StringReader(text), BERLIN);
    }

    @Test
    void readsEveryColumnInAnyOrder() {
        ReadingsCsv in = csv("value,timestamp,meter_id,counter_id,direction,source,reason,status,external_id,read_by,remark,note,unit\n"
                + "1250.50,2024-01-01T08:00:00.123Z," + METER + "," + COUNTER + ",feed-in,ECP,meter_change,valid,ext-1,anna,\"a, b\",n,kWh\n");

        ReadingInput r = in.next();

        assertThat(r.meterId().toString()).isEqualTo(METER);
        assertThat(r.counterId().toString()).isEqualTo(COUNTER);
        assertThat(r.direction()).isEqualTo(Direction.FEED_IN);
        assertThat(r.timestamp()).isEqualTo(Instant.parse("2024-01-01T08:00:00.123Z"));
        assertThat(r.value()).isEqualByComparingTo("1250.5");
        assertThat(r.source()).isEqualTo(ReadingSource.ECP);
        assertThat(r.reason()).isEqualTo("meter_change");
        assertThat(r.status()).isEqualTo(ReadingStatus.VALID);
        assertThat(r.externalId()).isEqualTo("ext-1");
        assertThat(r.readBy()).isEqualTo("anna");
        assertThat(r.remark()).isEqualTo("a, b");
        assertThat(r.note()).isEqualTo("n");
        assertThat(r.unit()).isEqualTo("kWh");
        assertThat(in.hasNext()).isFalse();
    }

    @Test
    void leavesOptionalFieldsToTheRulesAndDefaultsTheSourceToErp() {
        ReadingsCsv in = csv("meter_id,counter_id,direction,timestamp,value\n" + METER + ",,,2024-01-01,7\n");

        ReadingInput r = in.next();

        assertThat(r.counterId()).isNull();
        assertThat(r.direction()).isNull();
        assertThat(r.source()).isEqualTo(ReadingSource.ERP);
        assertThat(r.timestamp()).as("a date alone is 00:00 UTC").isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void refusesHeadersItDoesNotKnowOrThatLackARequiredColumn() {
        assertThatThrownBy(() -> csv("meter_id,timestamp,value,extrnal_id\n")).isInstanceOf(ImportException.class)
                .hasMessageContaining("extrnal_id");
        assertThatThrownBy(() -> csv("meter_id,timestamp\n")).isInstanceOf(ImportException.class).hasMessageContaining("value");
    }

    @Test
    void namesTheLineOfAMalformedRow() {
        ReadingsCsv in = csv("meter_id,timestamp,value\n" + METER + ",2024-01-01,1\n" + METER + ",2024-01-02,1,5\n"
                + METER + ",2024-01-03,x\n" + "not-a-uuid,2024-01-03,1\n" + METER + ",2024-02-30,1\n");

        in.next();
        assertRefused(in, RejectionReason.INVALID_BODY, "line 3: ");
        assertRefused(in, RejectionReason.INVALID_VALUE, "line 4: ");
        assertRefused(in, RejectionReason.INVALID_PARAMETER, "line 5: ");
        assertRefused(in, RejectionReason.INVALID_TIMESTAMP, "line 6: ");
    }

    private static void assertRefused(ReadingsCsv in, RejectionReason reason, String prefix) {
        assertThatThrownBy(in::next).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).startsWith(prefix);
        });
    }
}
