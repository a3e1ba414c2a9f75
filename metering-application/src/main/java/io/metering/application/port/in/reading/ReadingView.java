package io.metering.application.port.in.reading;

import io.metering.domain.reading.Reading;
import java.math.BigDecimal;

/**
 * A stored reading as shown to a reader.
 *
 * @param reading the stored reading
 * @param shownValue the value to show: the register value, or the relative value
 */
public record ReadingView(Reading reading, BigDecimal shownValue) {}
