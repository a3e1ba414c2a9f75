package io.metering.bootstrap.demo;

import io.metering.domain.counter.CounterId;
import io.metering.domain.meter.MeterId;
import io.metering.domain.tenant.OrganizationId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The fixed identities of the demo organization, so that printed tokens and curl commands stay
 * valid across restarts of the demo.
 */
public final class DemoIds {
    /** The demo organization. */
    public static final OrganizationId ORG = new OrganizationId("demo-org");
    /** The demo customer's contact id; the portal token carries it. */
    public static final String CONTACT_ID = uuid("contact").toString();
    /** The demo customer's contract id. */
    public static final String CONTRACT_ID = uuid("contract").toString();

    /** Liander electricity meter E0000000000000011. */
    public static final MeterId LIANDER_POWER = new MeterId(uuid("meter/liander-power"));
    /** Liander gas meter G0000000000000022. */
    public static final MeterId LIANDER_GAS = new MeterId(uuid("meter/liander-gas"));
    /** AMPds2 whole-house water meter (WHW). */
    public static final MeterId AMPDS2_WATER = new MeterId(uuid("meter/ampds2-water"));
    /** AMPds2 furnace gas sub-meter (FRG). */
    public static final MeterId AMPDS2_GAS = new MeterId(uuid("meter/ampds2-gas"));

    private DemoIds() {}

    /**
     * The counter of the Liander electricity meter fed by column {@code reading<register>}.
     *
     * @param register 1..4
     */
    public static CounterId lianderPowerRegister(int register) {
        return new CounterId(uuid("counter/liander-power/" + register));
    }

    /** The counter of the Liander gas meter. */
    public static final CounterId LIANDER_GAS_VOLUME = new CounterId(uuid("counter/liander-gas"));
    /** The water register of the AMPds2 water meter. */
    public static final CounterId AMPDS2_WATER_VOLUME = new CounterId(uuid("counter/ampds2-water"));
    /** The gas register of the AMPds2 gas meter. */
    public static final CounterId AMPDS2_GAS_VOLUME = new CounterId(uuid("counter/ampds2-gas"));

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(("metering-demo/" + name).getBytes(StandardCharsets.UTF_8));
    }
}
