package io.metering.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.metering.testing.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One meter with one counter of a running service, written hour by hour from {@code base}: the
 * probe the outage tests write through and read back, to compare what was acknowledged with what
 * is stored.
 */
final class HourlyCounter {
    private final Http http;
    private final String admin;
    private final String meter;
    private final String counter;
    private final Instant base;

    /** Creates the meter ({@code type}) and its counter ({@code counterJson}) through the admin API. */
    HourlyCounter(Http http, String admin, String type, String counterJson, Instant base) {
        this.http = http;
        this.admin = admin;
        Seeder seed = new Seeder(http, admin);
        this.meter = seed.meter(type, java.util.UUID.randomUUID().toString());
        this.counter = seed.counter(meter, counterJson);
        this.base = base;
    }

    String meter() {
        return meter;
    }

    String counter() {
        return counter;
    }

    Instant at(int hour) {
        return base.plus(hour, ChronoUnit.HOURS);
    }

    /** {@code POST /v1/metering/reading} of {@code value} at {@code base + hour}. */
    Http.Reply write(int hour, String value) {
        return http.post("/v1/metering/reading", admin, "{\"meter_id\":\"" + meter + "\",\"counter_id\":\"" + counter + "\",\"value\":"
                + value + ",\"source\":\"ERP\",\"timestamp\":\"" + at(hour) + "\"}");
    }

    /** The stored values, oldest first. */
    List<String> storedValues() {
        List<String> values = new ArrayList<>();
        http.get("/v1/metering/reading/" + meter + "/" + counter + "?size=-1&start_date=" + base.minus(1, ChronoUnit.DAYS), admin)
                .json().get("results").forEach(n -> values.add(n.get("value").asText()));
        return values;
    }

    /** Waits until {@code /ready} answers 200; fails after a minute, naming {@code what}. */
    void awaitReady(Object what) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (http.get("/ready", null).status() != 200) {
            assertThat(System.nanoTime()).as("ready again within a minute; %s", what).isLessThan(deadline);
            ServiceProcess.pause(100);
        }
    }
}
