package io.metering.application.service;

import io.metering.application.service.reading.DeleteReadingService;
import io.metering.application.service.reading.UpdateReadingService;
import io.metering.application.service.write.HistoryPlausibilityProvider;
import static io.metering.application.service.ServiceWorld.reading;
import static io.metering.application.service.ServiceWorld.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.metering.application.port.in.reading.DeleteReadingCommand;
import io.metering.application.port.in.reading.ReadingAddress;
import io.metering.application.port.in.reading.ReadingChanges;
import io.metering.application.port.in.reading.UpdateReadingCommand;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.domain.counter.Counter;
import io.metering.domain.error.MeteringException;
import io.metering.domain.meter.Meter;
import io.metering.domain.meter.MeterLifecycle;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.reading.Reading;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.reading.ReadingStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Properties of the reading write services over random meter states (installed, decommissioned,
 * bounded by contract periods) and random sequences of inserts and corrections (value updates,
 * status changes to implausible and back to valid, reason changes, deletes), all with validation on
 * (docs/domain.md#writing-readings, docs/domain.md#decisions-after-the-first-outside-trials):
 * <ul>
 *   <li>after every operation, accepted or refused, each segment of plausible readings is in order;</li>
 *   <li>a refused operation changes nothing;</li>
 *   <li>no operation changes a reading after a decommissioned meter's closing instant, and no
 *       accepted insert lies outside the instants the meter admits.</li>
 * </ul>
 */
class WriteServicesPropertiesTest {
    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static final int SLOTS = 40;

    /** One operation on the series; {@code slot} picks the instant, {@code value} the new value. */
    record Op(int kind, int slot, int value) {
        @Override
        public String toString() {
            return List.of("insert", "insert-meter-change", "update-value", "mark-implausible", "clear-meter-change", "delete", "mark-valid").get(kind)
                    + "@" + slot + "=" + value;
        }
    }

    /** A meter state and the operations. */
    record Scenario(int meterKind, int a, int b, List<Op> ops) {}

    private static Instant slot(int n) {
        return BASE.plus(Duration.ofDays(n));
    }

    private static Gen<Scenario> scenarios() {
        return in -> {
            int n = pick(in, 4, 25);
            List<Op> ops = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // inserts are the most common, so that corrections find readings to change
                int kind = pick(in, 0, 9);
                ops.add(new Op(kind <= 3 ? 0 : kind == 4 ? 1 : kind - 3, pick(in, 0, SLOTS), pick(in, 0, 120)));
            }
            return new Scenario(pick(in, 0, 4), pick(in, 0, SLOTS), pick(in, 0, SLOTS), ops);
        };
    }

    private static int pick(RandomnessSource in, int low, int high) {
        return Generate.range(low, high).generate(in);
    }

    private static Meter meterIn(ServiceWorld w, int kind, int a, int b) {
        Meter m = w.powerMeterOf("contact-p");
        MeterChanges state = switch (kind) {
            case 1 -> MeterChanges.builder().installationDate(set(slot(a).toString())).build();
            case 2 -> MeterChanges.builder().status(set(MeterStatus.DECOMMISSIONED)).decommissionedAt(set(slot(a).toString())).build();
            case 3 -> MeterChanges.builder().contractPeriods(ServiceWorld.period(slot(Math.min(a, b)).toString(),
                    slot(Math.max(a, b) + 1).toString())).build();
            default -> MeterChanges.NONE;
        };
        return state == MeterChanges.NONE ? m : w.meters.update(w.admin, m.id(), state);
    }

    @Test
    void correctionsAndInsertsNeverLeaveASegmentOutOfOrderNorTouchAClosedMeterAfterItsClosing() {
        qt().withExamples(300).forAll(scenarios()).checkAssert(s -> {
            ServiceWorld w = new ServiceWorld();
            w.clock.set(slot(SLOTS + 5));
            w.recording = TestServices.recordReadingsService(w.ctx, new HistoryPlausibilityProvider(w.store, w.store));
            // a history recorded before the meter got its state
            Meter plain = w.powerMeterOf("contact-p");
            Meter meter = meterIn(w, s.meterKind(), s.a(), s.b());
            Counter counter = w.consumptionCounter(meter);
            for (int i = 0; i < SLOTS; i += 4) {
                w.store.upsert(ServiceWorld.ORG, List.of(reading(meter, counter, slot(i).toString(), String.valueOf(i * 10)).build())
                        .stream().map(in -> new Reading(meter.id(), counter.id(), io.metering.domain.counter.Direction.FEED_OUT,
                                in.timestamp(), in.value(), ReadingSource.ERP, null, null, null, null, null, null, null, Map.of())).toList());
            }
            Meter current = w.store.findById(ServiceWorld.ORG, meter.id()).orElseThrow();
            Instant closed = MeterLifecycle.closedAt(current, ServiceWorld.BERLIN).orElse(null);
            UpdateReadingService updates = TestServices.updateReadingService(w.ctx, new HistoryPlausibilityProvider(w.store,
                    w.store));
            DeleteReadingService deletes = TestServices.deleteReadingService(w.ctx);
            StringBuilder log = new StringBuilder("meter kind " + s.meterKind() + " a=" + s.a() + " b=" + s.b() + "\n");
            for (Op op : s.ops()) {
                List<Reading> before = w.stored(counter);
                boolean accepted = apply(w, updates, deletes, meter, counter, op);
                List<Reading> after = w.stored(counter);
                log.append(op).append(accepted ? " accepted\n" : " refused\n");
                assertThat(inOrder(after)).as("segments in order after\n%s%s", log, show(after)).isTrue();
                if (!accepted) {
                    assertThat(after).as("a refusal changes nothing\n%s", log).isEqualTo(before);
                }
                if (closed != null) {
                    assertThat(after.stream().filter(r -> r.timestamp().isAfter(closed)).toList()).as("nothing changes after the closing\n%s", log)
                            .isEqualTo(before.stream().filter(r -> r.timestamp().isAfter(closed)).toList());
                }
                if (accepted && op.kind() <= 1) {
                    Instant t = slot(op.slot());
                    assertThat(!t.isBefore(MeterLifecycle.earliestReading(current, ServiceWorld.BERLIN))
                            && (closed == null || !t.isAfter(closed))
                            && (current.contractPeriods().isEmpty() || current.contractPeriods().stream().anyMatch(p -> p.contains(t))))
                            .as("an insert at an instant the meter admits\n%s", log).isTrue();
                }
            }
            assertThat(plain).isNotNull();
        });
    }

    /** @return whether the service accepted the operation */
    private static boolean apply(ServiceWorld w, UpdateReadingService updates, DeleteReadingService deletes, Meter meter, Counter counter,
            Op op) {
        Instant t = slot(op.slot());
        BigDecimal value = BigDecimal.valueOf(op.value() * 4L);
        ReadingAddress address = new ReadingAddress(meter.id(), counter.id(), t, null);
        try {
            switch (op.kind()) {
                case 0 -> w.record(reading(meter, counter, t.toString(), value.toPlainString()).source(ReadingSource.ERP));
                case 1 -> w.record(reading(meter, counter, t.toString(), value.toPlainString()).source(ReadingSource.ERP).reason("meter_change"));
                case 2 -> updates.update(new UpdateReadingCommand(w.admin, address,
                        ReadingChanges.setting(value, ReadingSource.ERP, null, null, null, null, null, null, null), WriteOptions.DEFAULT));
                case 3 -> updates.update(new UpdateReadingCommand(w.admin, address, ReadingChanges.setting(storedValue(w, counter, t),
                        ReadingSource.ERP, null, null, null, ReadingStatus.IMPLAUSIBLE, null, null, null), WriteOptions.DEFAULT));
                case 4 -> updates.update(new UpdateReadingCommand(w.admin, address, ReadingChanges.setting(storedValue(w, counter, t),
                        ReadingSource.ERP, null, ReadingReason.REGULAR, null, null, null, null, null), WriteOptions.DEFAULT));
                case 5 -> deletes.delete(new DeleteReadingCommand(w.admin, address, false));
                // an admin accepts a reading marked implausible: it rejoins the series and is judged there
                default -> updates.update(new UpdateReadingCommand(w.admin, address, ReadingChanges.setting(storedValue(w, counter, t),
                        ReadingSource.ERP, null, null, null, ReadingStatus.VALID, null, null, null), WriteOptions.DEFAULT));
            }
            return true;
        } catch (MeteringException e) {
            return false;
        }
    }

    private static BigDecimal storedValue(ServiceWorld w, Counter counter, Instant t) {
        return w.stored(counter).stream().filter(r -> r.timestamp().equals(t)).map(Reading::value).findFirst().orElse(BigDecimal.ONE);
    }

    /** docs/domain.md#segment: within a segment of plausible readings no value falls below its predecessor. */
    private static boolean inOrder(List<Reading> ascending) {
        Reading previous = null;
        for (Reading r : ascending) {
            if (r.isImplausible()) {
                continue;
            }
            if (previous != null && !r.startsSegment() && r.value().compareTo(previous.value()) < 0) {
                return false;
            }
            previous = r;
        }
        return true;
    }

    private static String show(List<Reading> readings) {
        TreeMap<Instant, String> out = new TreeMap<>();
        readings.forEach(r -> out.put(r.timestamp(), r.value().toPlainString() + (r.startsSegment() ? " change" : "")
                + (r.isImplausible() ? " implausible" : "")));
        return out.toString();
    }
}
