package io.metering.application.port.in;

/** Reads a counter's readings in an interval (DOMAIN.md "Reading the series"). */
public interface ListReadingsQuery {
    /**
     * @param request what to read
     * @return the window, hits and the first reading's timestamp
     * @throws io.metering.domain.error.NotFoundException meter or counter outside the caller's reach
     * @throws io.metering.domain.error.InvalidRequestException start after end
     */
    ReadingsPage list(ReadingsRequest request);
}
