package io.metering.application.model;

import java.util.List;
import java.util.Objects;

/**
 * The quantities of one location and register in a market message (MSCONS: a {@code LOC} with its
 * {@code LIN}/{@code PIA} and their {@code QTY}s).
 *
 * @param meter the location that names the meter (MaLo or MeLo id)
 * @param meterPosition where the location is named in the message (e.g. {@code segment 10}), for refusals
 * @param obisNumber the OBIS code that names the counter
 * @param position where the OBIS code is named (e.g. {@code segment 12}), for refusals
 * @param values the quantities, in message order
 */
public record MeteredSeries(MeterKey meter, String meterPosition, String obisNumber, String position, List<MeteredValue> values) {
    /** @throws NullPointerException if a part is missing */
    public MeteredSeries {
        Objects.requireNonNull(meter, "meter");
        Objects.requireNonNull(meterPosition, "meterPosition");
        Objects.requireNonNull(obisNumber, "obisNumber");
        Objects.requireNonNull(position, "position");
        values = List.copyOf(values);
    }
}
