package io.metering.application.port.in.reading;

/** How reading values are shown (the contract's {@code type} parameter of getReadingsByInterval). */
public enum ValueType {
    /** The stored register values. */
    CUMULATIVE,
    /** Each value minus its predecessor's (docs/domain.md#reading-the-series). */
    RELATIVE
}
