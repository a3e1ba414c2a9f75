package io.metering.bootstrap.demo;

import io.metering.application.access.Caller;
import io.metering.application.port.in.counter.ManageCountersUseCase;
import io.metering.application.port.in.meter.ManageMetersUseCase;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.RecordReadingsUseCase;
import io.metering.application.port.in.meter.ViewMetersQuery;
import io.metering.bootstrap.importer.Ampds2Csv;
import io.metering.bootstrap.importer.Ampds2Row;
import io.metering.bootstrap.importer.LianderCsv;
import io.metering.bootstrap.importer.LianderRow;
import io.metering.domain.counter.CounterId;
import io.metering.domain.error.NotFoundException;
import io.metering.domain.meter.MeterId;
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
import java.util.LinkedHashMap;
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
    private static final String[][] LIANDER_REGISTERS = {
        {"1-0:1.8.1", "feed-out", "nt", "Import, tariff 1 (low)"},
        {"1-0:1.8.2", "feed-out", "ht", "Import, tariff 2 (normal)"},
        {"1-0:2.8.1", "feed-in", "nt", "Export, tariff 1 (low)"},
        {"1-0:2.8.2", "feed-in", "ht", "Export, tariff 2 (normal)"},
    };

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
        createMeter(DemoIds.LIANDER_POWER, "Liander electricity meter", "E0000000000000011", "871000000000000011", "power",
                "electronic-meter", "liander_daily_register_readings.csv");
        for (int i = 0; i < 4; i++) {
            String[] reg = LIANDER_REGISTERS[i];
            createCounter(DemoIds.LIANDER_POWER, DemoIds.lianderPowerRegister(i + 1), reg[0], reg[1], reg[2], "kWh", reg[3]);
        }
        createMeter(DemoIds.LIANDER_GAS, "Liander gas meter", "G0000000000000022", "871000000000000022", "gas",
                "bellow-gas-meter", "liander_daily_register_readings.csv");
        createCounter(DemoIds.LIANDER_GAS, DemoIds.LIANDER_GAS_VOLUME, "7-0:3.0.0", null, null, "m3", "Gas volume");
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
        createMeter(DemoIds.AMPDS2_WATER, "AMPds2 whole-house water meter (WHW)", "AMPDS2-WHW", null, "water", null,
                "ampds2_water_gas_counters_hourly.csv");
        createCounter(DemoIds.AMPDS2_WATER, DemoIds.AMPDS2_WATER_VOLUME, "8-0:1.0.0", null, null, "L", "Water volume");
        createMeter(DemoIds.AMPDS2_GAS, "AMPds2 furnace gas sub-meter (FRG)", "AMPDS2-FRG", null, "gas", "bellow-gas-meter",
                "ampds2_water_gas_counters_hourly.csv");
        createCounter(DemoIds.AMPDS2_GAS, DemoIds.AMPDS2_GAS_VOLUME, "7-0:3.0.0", null, null, "dm3", "Gas volume");
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

    private void createMeter(MeterId id, String title, String number, String maLoId, String sector, String meterType,
            String sourceFile) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("_id", id.toString());
        a.put("_title", title);
        a.put("meter_number", number);
        if (maLoId != null) {
            a.put("ma_lo_id", maLoId);
        }
        a.put("sector", sector);
        if (meterType != null) {
            a.put("meter_type", meterType);
        }
        a.put("status", "active");
        a.put("customer", Map.of("$relation", List.of(Map.of("entity_id", DemoIds.CONTACT_ID, "_slug", "contact"))));
        a.put("contract", Map.of("$relation", List.of(Map.of("entity_id", DemoIds.CONTRACT_ID, "_slug", "contract"))));
        a.put("data_source", "bundled sample " + sourceFile + " (see " + sourceFile + ".source.txt for source and licence)");
        meters.create(admin, a);
    }

    private void createCounter(MeterId meter, CounterId id, String obis, String direction, String tariff, String unit,
            String title) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("_id", id.toString());
        a.put("_title", title);
        a.put("obis_number", obis);
        if (direction != null) {
            a.put("direction", direction);
        }
        if (tariff != null) {
            a.put("tariff_type", tariff);
        }
        a.put("unit", unit);
        counters.create(admin, meter, a);
    }

    private static Reader resource(String name) {
        InputStream in = DemoData.class.getResourceAsStream("/demo/" + name);
        if (in == null) {
            throw new IllegalStateException("bundled demo file /demo/" + name + " is missing from the jar");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
