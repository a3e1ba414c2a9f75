package io.metering.adapters.http;

import io.metering.application.access.Caller;
import io.metering.application.model.ReadingInput;
import io.metering.application.port.in.reading.RecordReadingsCommand;
import io.metering.application.port.in.reading.RecordResult;
import io.metering.application.port.in.reading.WriteOptions;
import io.metering.domain.counter.Counter;
import io.metering.domain.meter.Meter;
import io.metering.domain.reading.ReadingSource;
import io.metering.domain.tenant.OrganizationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data one cell of {@link AccessMatrixTest} works on, seeded fresh into two new organizations so
 * that cells never see each other's writes:
 * <ul>
 *   <li>org A, the owner's meter {@code M} (customer relation: the owner's contact; contract
 *       relation: {@code CONTRACT}) with counter {@code C} and two readings;</li>
 *   <li>org A, the owner's governed meter {@code G} (approval) with counter {@code GC}, one reading
 *       and a pending changeset {@code CS};</li>
 *   <li>org A, another customer's meter {@code MX} with counter {@code CX} and one reading;</li>
 *   <li>org B, meter {@code MB} with counter {@code CB} and one reading.</li>
 * </ul>
 * Besides the ids, every value is distinctive (meter numbers, reading values, external ids,
 * contacts), so that {@link #markers} can tell whose data a response body shows.
 */
final class MatrixFixture {
    static final String OWNER_VALUE_1 = "81234.5671";
    static final String OWNER_VALUE_2 = "81299.1234";
    static final String GOVERNED_VALUE = "60500.0042";
    static final String PROPOSED_VALUE = "60512.7503";
    static final String OTHER_VALUE = "70777.0001";
    static final String ORG_B_VALUE = "95550.0123";

    final String orgA;
    final String orgB;
    final String owner;
    final String otherCustomer;
    /** Placeholder name ({@code M}, {@code C}, ...) to value, for request templates. */
    final Map<String, String> values = new LinkedHashMap<>();
    /** Org A's data of the owner, of the other customer, and org B's data. */
    final Set<String> ownerData = new HashSet<>();
    final Set<String> otherCustomerData = new HashSet<>();
    final Set<String> orgBData = new HashSet<>();

    private final TestApp t;

    private MatrixFixture(TestApp t, int n) {
        this.t = t;
        orgA = "matrix-a-" + n;
        orgB = "matrix-b-" + n;
        owner = "owner-contact-" + n;
        otherCustomer = "other-contact-" + n;
    }

    /** Seeds cell number {@code n}. */
    static MatrixFixture seed(TestApp t, int n) {
        MatrixFixture f = new MatrixFixture(t, n);
        f.seedOwner(n);
        f.seedOtherCustomer(n);
        f.seedOrgB(n);
        return f;
    }

    private void seedOwner(int n) {
        String contract = "owner-contract-" + n;
        Meter m = meter(orgA, "MN-A-" + n, owner, contract, false);
        Counter c = counter(orgA, m);
        write(orgA, m, c, "2024-06-01T00:00:00Z", OWNER_VALUE_1, "ext-a1-" + n, true);
        write(orgA, m, c, "2024-06-05T00:00:00Z", OWNER_VALUE_2, "ext-a2-" + n, true);
        Meter g = meter(orgA, "MN-G-" + n, owner, null, true);
        Counter gc = counter(orgA, g);
        write(orgA, g, gc, "2024-06-01T00:00:00Z", GOVERNED_VALUE, null, true);
        RecordResult proposed = write(orgA, g, gc, "2024-06-03T00:00:00Z", PROPOSED_VALUE, null, false);
        String cs = proposed.pending().get(0).id().toString();
        put("M", m.id().toString(), ownerData);
        put("C", c.id().toString(), ownerData);
        put("G", g.id().toString(), ownerData);
        put("GC", gc.id().toString(), ownerData);
        put("CS", cs, ownerData);
        put("CONTRACT", contract, ownerData);
        put("W", t.webhookService.create(admin(orgA), new io.metering.application.port.in.webhook.WebhookDraft(
                java.net.URI.create("https://erp.example.com/matrix-" + n), List.of(), true, null)).subscription().id().toString(), ownerData);
        ownerData.addAll(List.of(owner, "MN-A-" + n, "MN-G-" + n, OWNER_VALUE_1, OWNER_VALUE_2, GOVERNED_VALUE, PROPOSED_VALUE,
                "ext-a1-" + n, "ext-a2-" + n));
    }

    private void seedOtherCustomer(int n) {
        Meter mx = meter(orgA, "MN-X-" + n, otherCustomer, null, false);
        Counter cx = counter(orgA, mx);
        write(orgA, mx, cx, "2024-06-01T00:00:00Z", OTHER_VALUE, null, true);
        put("MX", mx.id().toString(), otherCustomerData);
        put("CX", cx.id().toString(), otherCustomerData);
        otherCustomerData.addAll(List.of(otherCustomer, "MN-X-" + n, OTHER_VALUE));
    }

    private void seedOrgB(int n) {
        Meter mb = meter(orgB, "MN-B-" + n, "b-contact-" + n, null, false);
        Counter cb = counter(orgB, mb);
        write(orgB, mb, cb, "2024-06-01T00:00:00Z", ORG_B_VALUE, null, true);
        put("MB", mb.id().toString(), orgBData);
        put("CB", cb.id().toString(), orgBData);
        orgBData.addAll(List.of(orgB, "MN-B-" + n, "b-contact-" + n, ORG_B_VALUE));
    }

    /** Everything of org A: the owner's and the other customer's data and the organization id. */
    Set<String> orgAData() {
        Set<String> all = new HashSet<>(ownerData);
        all.addAll(otherCustomerData);
        all.add(orgA);
        return all;
    }

    /** The placeholders of org A's resources a request may name, for the "unknown id" twin request. */
    static List<String> orgAIds() {
        return List.of("M", "C", "G", "GC", "CS", "CONTRACT", "W");
    }

    private void put(String name, String value, Set<String> data) {
        values.put(name, value);
        data.add(value);
    }

    private Meter meter(String org, String number, String contact, String contract, boolean governed) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("sector", "power");
        attributes.put("meter_number", number);
        attributes.put("customer", Map.of("$relation", List.of(Map.of("entity_id", contact))));
        if (contract != null) {
            attributes.put("contract", Map.of("$relation", List.of(Map.of("entity_id", contract))));
        }
        if (governed) {
            attributes.put("reading_governance", Map.of("edit_mode", "approval"));
        }
        return t.meter(admin(org), attributes);
    }

    private Counter counter(String org, Meter meter) {
        return t.counter(admin(org), meter, Map.of("obis_number", "1-0:1.8.0", "direction", "feed-out"));
    }

    private RecordResult write(String org, Meter m, Counter c, String at, String value, String externalId, boolean direct) {
        ReadingInput input = new ReadingInput(m.id(), c.id(), null, Instant.parse(at), new BigDecimal(value), ReadingSource.APP_360, null,
                null, null, externalId, null, null, null, null);
        return t.useCases.recordReadings().record(new RecordReadingsCommand(admin(org), List.of(input), new WriteOptions(false, direct)));
    }

    private static Caller admin(String org) {
        return Caller.admin(new OrganizationId(org), "matrix-seed");
    }
}
