package io.metering.bootstrap.demo;

import io.metering.application.access.Caller;
import io.metering.application.model.FieldChange;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.counter.CounterChanges;
import io.metering.application.port.in.counter.ManageCountersUseCase;
import io.metering.application.port.in.meter.ManageMetersUseCase;
import io.metering.application.port.in.meter.MeterChanges;
import io.metering.application.port.in.meter.ViewMetersQuery;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.RecordReadingsUseCase;
import io.metering.bootstrap.importer.Ampds2Csv;
import io.metering.bootstrap.importer.Ampds2Row;
import io.metering.bootstrap.importer.LianderCsv;
import io.metering.bootstrap.importer.LianderRow;
import io.metering.domain.counter.CounterId;
import io.metering.domain.counter.Direction;
import io.metering.domain.counter.TariffType;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.EntityRelation;
import io.metering.domain.meter.MeterId;
import io.metering.domain.meter.MeterStatus;
import io.metering.domain.meter.MeterType;
import io.metering.domain.meter.Sector;
import io.metering.domain.reading.ReadingReason;
import io.metering.domain.reading.ReadingSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled real sample data into the demo organization through the same use cases as the
 * API, with validation on: the Liander daily register export (one electricity meter with four
 * registers, import/export x two tariffs, and one gas meter) and the AMPds2 hourly water and gas
 * counters. Loading is skipped when the demo meters exist already, so a restarted demo keeps its
 * data.
 */
public final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final int BATCH = RecordReadingsCommand.MAX_READINGS;

    /** Liander's reading1..4 columns: OBIS code, direction, tariff, title (see the file's source notes). */
    private static final List<Register> LIANDER_REGISTERS = List.of(
            new Register("1-0:1.8.1", Direction.FEED_OUT, TariffType.NT, "Import, tariff 1 (low)"),
            new Register("1-0:1.8.2", Direction.FEED_OUT, TariffType.HT, "Import, tariff 2 (normal)"),
            new Register("1-0:2.8.1", Direction.FEED_IN, TariffType.NT, "Export, tariff 1 (low)"),
            new Register("1-0:2.8.2", Direction.FEED_IN, TariffType.HT, "Export, tariff 2 (normal)"));

    /** One register of a demo meter: OBIS code, direction and tariff (null when the register has none), title. */
    private record Register(String obis, Direction direction, TariffType tariff, String title) {}

    private final ManageMetersUseCase meters;
    private final ManageCountersUseCase counters;
    private final RecordReadingsUseCase readings;
    private final ViewMetersQuery view;
    private final Caller admin = Caller.admin(DemoIds.ORG, "demo-loader");

    /**
     * @param meters meter administration
     * @param counters counter administration
     * @param readings the reading write path (validation on)
     * @param view meter reads, to see whether the demo is loaded
     */
    public DemoData(ManageMetersUseCase meters, ManageCountersUseCase counters, RecordReadingsUseCase readings,
            ViewMetersQuery view) {
        this.meters = meters;
        this.counters = counters;
        this.readings = readings;
        this.view = view;
    }

    /**
     * Creates the demo meters and imports their readings unless they exist.
     *
     * @return the number of readings imported (0 when the demo data was already there)
     */
    public int loadIfAbsent() {
        if (exists(DemoIds.AMPDS2_GAS)) {
            LOG.info("Demo data already loaded in organization {}", DemoIds.ORG);
            return 0;
        }
        int n = loadLiander() + loadAmpds2();
        LOG.info("Demo data loaded: {} readings in organization {}", n, DemoIds.ORG);
        return n;
    }

    private boolean exists(MeterId id) {
        try {
            view.meter(admin, id);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private int loadLiander() {
        List<LianderRow> rows;
        try (Reader in = resource("liander_daily_register_readings.csv")) {
            rows = LianderCsv.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        createMeter(DemoIds.LIANDER_POWER, "Liander electricity meter", "E0000000000000011", "871000000000000011", Sector.POWER,
                MeterType.ELECTRONIC_METER, "liander_daily_register_readings.csv");
        for (int i = 0; i < LIANDER_REGISTERS.size(); i++) {
            createCounter(DemoIds.LIANDER_POWER, DemoIds.lianderPowerRegister(i + 1), LIANDER_REGISTERS.get(i), "kWh");
        }
        createMeter(DemoIds.LIANDER_GAS, "Liander gas meter", "G0000000000000022", "871000000000000022", Sector.GAS,
                MeterType.BELLOW_GAS_METER, "liander_daily_register_readings.csv");
        createCounter(DemoIds.LIANDER_GAS, DemoIds.LIANDER_GAS_VOLUME, new Register("7-0:3.0.0", null, null, "Gas volume"), "m3");
        int n = 0;
        for (int i = 0; i < 4; i++) {
            int column = i;
            n += importSeries(DemoIds.LIANDER_POWER, DemoIds.lianderPowerRegister(i + 1), rows.stream()
                    .filter(r -> r.meterNumber().startsWith("E") && r.readings().get(column) != null)
                    .map(r -> new Point(r.date().atStartOfDay(ZoneOffset.UTC).toInstant(), r.readings().get(column)))
                    .toList());
        }
        n += importSeries(DemoIds.LIANDER_GAS, DemoIds.LIANDER_GAS_VOLUME, rows.stream()
                .filter(r -> r.meterNumber().startsWith("G") && r.readings().get(0) != null)
                .map(r -> new Point(r.date().atStartOfDay(ZoneOffset.UTC).toInstant(), r.readings().get(0)))
                .toList());
        return n;
    }

    private int loadAmpds2() {
        List<Ampds2Row> rows;
        try (Reader in = resource("ampds2_water_gas_counters_hourly.csv")) {
            rows = Ampds2Csv.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        createMeter(DemoIds.AMPDS2_WATER, "AMPds2 whole-house water meter (WHW)", "AMPDS2-WHW", null, Sector.WATER, null,
                "ampds2_water_gas_counters_hourly.csv");
        createCounter(DemoIds.AMPDS2_WATER, DemoIds.AMPDS2_WATER_VOLUME, new Register("8-0:1.0.0", null, null, "Water volume"), "L");
        createMeter(DemoIds.AMPDS2_GAS, "AMPds2 furnace gas sub-meter (FRG)", "AMPDS2-FRG", null, Sector.GAS,
                MeterType.BELLOW_GAS_METER, "ampds2_water_gas_counters_hourly.csv");
        createCounter(DemoIds.AMPDS2_GAS, DemoIds.AMPDS2_GAS_VOLUME, new Register("7-0:3.0.0", null, null, "Gas volume"), "dm3");
        int n = importSeries(DemoIds.AMPDS2_WATER, DemoIds.AMPDS2_WATER_VOLUME,
                rows.stream().map(r -> new Point(r.timestamp(), r.waterLitres())).toList());
        n += importSeries(DemoIds.AMPDS2_GAS, DemoIds.AMPDS2_GAS_VOLUME,
                rows.stream().map(r -> new Point(r.timestamp(), r.gasCubicDecimetres())).toList());
        return n;
    }

    private record Point(Instant timestamp, BigDecimal value) {}

    private int importSeries(MeterId meter, CounterId counter, List<Point> points) {
        for (int from = 0; from < points.size(); from += BATCH) {
            List<ReadingInput> batch = new ArrayList<>(BATCH);
            for (Point p : points.subList(from, Math.min(points.size(), from + BATCH))) {
                batch.add(new ReadingInput(meter, counter, null, p.timestamp(), p.value(), ReadingSource.ERP, ReadingReason.REGULAR, null,
                        null, null, null, null, null, Map.of()));
            }
            readings.record(new RecordReadingsCommand(admin, batch, io.metering.application.port.in.reading.WriteOptions.DEFAULT));
        }
        LOG.info("Imported {} readings into counter {}", points.size(), counter);
        return points.size();
    }

    private void createMeter(MeterId id, String title, String number, String maLoId, Sector sector, MeterType meterType,
            String sourceFile) {
        MeterChanges.Builder m = MeterChanges.builder()
                .title(FieldChange.set(title))
                .meterNumber(FieldChange.set(number))
                .maLoId(FieldChange.setOrKeep(maLoId))
                .sector(FieldChange.set(sector))
                .meterType(FieldChange.setOrKeep(meterType))
                .status(FieldChange.set(MeterStatus.ACTIVE))
                .customers(FieldChange.set(List.of(new EntityRelation(DemoIds.CONTACT_ID, "contact"))))
                .contracts(FieldChange.set(List.of(new EntityRelation(DemoIds.CONTRACT_ID, "contract"))))
                .extra("data_source", "bundled sample " + sourceFile + " (see " + sourceFile + ".source.txt for source and licence)");
        meters.create(admin, id, m.build());
    }

    private void createCounter(MeterId meter, CounterId id, Register register, String unit) {
        counters.create(admin, meter, id, CounterChanges.builder()
                .title(FieldChange.set(register.title()))
                .obisNumber(FieldChange.set(register.obis()))
                .direction(FieldChange.setOrKeep(register.direction()))
                .tariffType(FieldChange.setOrKeep(register.tariff()))
                .unit(FieldChange.set(unit))
                .build());
    }

    private static Reader resource(String name) {
        InputStream in = DemoData.class.getResourceAsStream("/demo/" + name);
        if (in == null) {
            throw new IllegalStateException("bundled demo file /demo/" + name + " is missing from the jar");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
