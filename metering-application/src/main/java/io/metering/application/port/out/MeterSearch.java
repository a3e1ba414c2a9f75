package io.metering.application.port.out;

import java.util.Set;

/**
 * Filters of a meter search; null or empty filters do not restrict. All given filters must hold.
 *
 * @param customerId a contact id the meter's customer relation must name
 * @param contractId a contract id the meter's contract relation must name
 * @param maLoId the MaLo id
 * @param meterNumber the meter number
 * @param reachableContactId with {@code reachableContractIds}: only meters a portal user with this
 *     contact id or these contracts may see (docs/domain.md#who-may-do-what)
 * @param reachableContractIds see {@code reachableContactId}
 * @param portalScoped whether the reach filter applies
 * @param text find-as-you-type text (docs/console.md "Find a meter"): a meter matches when its MaLo id
 *     or meter number starts with it (ignoring case), or its id, a customer id or a contract id is it
 */
public record MeterSearch(String customerId, String contractId, String maLoId, String meterNumber,
        String reachableContactId, Set<String> reachableContractIds, boolean portalScoped, String text) {
    /** Copies the contract set; blank text does not restrict. */
    public MeterSearch {
        reachableContractIds = reachableContractIds == null ? Set.of() : Set.copyOf(reachableContractIds);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** A search without find-as-you-type text. */
    public MeterSearch(String customerId, String contractId, String maLoId, String meterNumber,
            String reachableContactId, Set<String> reachableContractIds, boolean portalScoped) {
        this(customerId, contractId, maLoId, meterNumber, reachableContactId, reachableContractIds, portalScoped, null);
    }

    /** No filter at all. */
    public static MeterSearch all() {
        return new MeterSearch(null, null, null, null, null, Set.of(), false);
    }

    /** Meters reachable by a portal user. */
    public static MeterSearch reachableBy(String contactId, Set<String> contractIds) {
        return new MeterSearch(null, null, null, null, contactId, contractIds, true);
    }

    /** This search further limited to one contract. */
    public MeterSearch withContract(String id) {
        return new MeterSearch(customerId, id, maLoId, meterNumber, reachableContactId, reachableContractIds, portalScoped, text);
    }
}
