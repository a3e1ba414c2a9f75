package io.metering.application.port.in;

/**
 * Filters of the admin meter list; null filters do not restrict.
 *
 * @param customerId contact id named by the customer relation
 * @param contractId contract id named by the contract relation
 * @param maLoId MaLo id
 * @param meterNumber meter number
 */
public record MeterFilter(String customerId, String contractId, String maLoId, String meterNumber) {
    /** No filter. */
    public static final MeterFilter NONE = new MeterFilter(null, null, null, null);
}
