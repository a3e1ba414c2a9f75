package io.metering.adapters.http.consumption;

import io.metering.adapters.http.json.WireCodes;
import io.metering.application.port.in.consumption.ConsumptionReport;
import io.metering.domain.consumption.BoundaryValue;
import io.metering.domain.consumption.ConsumptionTable;
import io.metering.domain.consumption.PeriodConsumption;
import io.metering.domain.counter.Counter;

/** {@link ConsumptionReport} as {@link ConsumptionResponse}. */
final class ConsumptionJson {
    private ConsumptionJson() {}

    static ConsumptionResponse of(ConsumptionReport r) {
        Counter c = r.counter();
        ConsumptionTable t = r.table();
        return new ConsumptionResponse(WireCodes.id(c.meterId()), WireCodes.id(c.id()), WireCodes.code(r.direction()),
                r.interval().code(), r.zone().getId(), r.span().start(), r.span().end(), c.unit(), c.transformerRatio(),
                c.conversionFactor(), c.energyFactor(), t.periods().stream().map(p -> period(r, p)).toList(),
                new ConsumptionResponse.TotalResponse(t.totalConsumption(), t.totalEnergy(), t.periodsWithoutValue()),
                r.fromIntervalValues() ? "interval_values" : null);
    }

    private static ConsumptionResponse.PeriodResponse period(ConsumptionReport r, PeriodConsumption p) {
        BoundaryValue s = p.start();
        BoundaryValue e = p.end();
        Boolean intervals = r.fromIntervalValues() ? Boolean.TRUE : null;
        return new ConsumptionResponse.PeriodResponse(p.period().start(), p.period().end(), s == null ? null : s.register(),
                e == null ? null : e.register(), s == null ? null : s.estimated(), e == null ? null : e.estimated(), p.consumption(),
                p.energy(), p.decreasing(), intervals == null ? null : p.prorated(), intervals == null ? null : p.incomplete(),
                intervals == null ? null : p.overlapping());
    }
}
