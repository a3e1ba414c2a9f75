package io.metering.bootstrap.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of a Liander daily register export: the four register values of one meter on one day,
 * and the operator's own differences to the previous day.
 *
 * @param connectionEan the connection EAN ({@code eancodeasn})
 * @param meterNumber the meter serial ({@code meternummer})
 * @param date the reading day ({@code meterreadingdate}, DD-MM-YYYY)
 * @param readings {@code reading1..4}, null where the column is empty
 * @param usages {@code usage1..4}, null where the column is empty (always on the first day)
 */
public record LianderRow(String connectionEan, String meterNumber, LocalDate date, List<BigDecimal> readings,
        List<BigDecimal> usages) {}
