package io.metering.application.port.in.meter;

/**
 * Filters of the admin meter list; null filters do not restrict.
 *
 * @param customerId contact id named by the customer relation
 * @param contractId contract id named by the contract relation
 * @param maLoId MaLo id
 * @param meterNumber meter number
 * @param text find-as-you-type text: MaLo id or meter number prefix (ignoring case), or exactly a
 *     meter, customer or contract id (docs/console.md "Find a meter")
 */
public record MeterFilter(String customerId, String contractId, String maLoId, String meterNumber, String text) {
    /** No filter. */
    public static final MeterFilter NONE = new MeterFilter(null, null, null, null, null);

    /** Filters without find-as-you-type text. */
    public MeterFilter(String customerId, String contractId, String maLoId, String meterNumber) {
        this(customerId, contractId, maLoId, meterNumber, null);
    }
}
