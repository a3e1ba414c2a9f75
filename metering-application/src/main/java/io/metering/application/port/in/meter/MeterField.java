package io.metering.application.port.in.meter;

/**
 * The named fields of a meter a change can touch, with the contract's name of each for messages.
 * Whether a portal user may change one is an access rule (docs/domain.md#who-may-do-what): the
 * fields that decide ownership, identity, the meter's lifecycle and how its readings are governed
 * are the back office's.
 */
public enum MeterField {
    /** {@code _id}. */
    ID("_id", false),
    /** {@code _org}. */
    ORG("_org", false),
    /** {@code _schema}. */
    SCHEMA("_schema", false),
    /** {@code _title}. */
    TITLE("_title", true),
    /** {@code _tags}. */
    TAGS("_tags", true),
    /** {@code ma_lo_id}. */
    MA_LO_ID("ma_lo_id", false),
    /** {@code meter_number}. */
    METER_NUMBER("meter_number", false),
    /** {@code status}. */
    STATUS("status", false),
    /** {@code sector}. */
    SECTOR("sector", false),
    /** {@code meter_type}. */
    METER_TYPE("meter_type", false),
    /** {@code tariff_type}. */
    TARIFF_TYPE("tariff_type", true),
    /** {@code used_for}. */
    USED_FOR("used_for", true),
    /** {@code manufacturer}. */
    MANUFACTURER("manufacturer", true),
    /** {@code calibration_date}. */
    CALIBRATION_DATE("calibration_date", true),
    /** {@code customer}. */
    CUSTOMER("customer", false),
    /** {@code contract}. */
    CONTRACT("contract", false),
    /** {@code contract_periods} (this product's extension). */
    CONTRACT_PERIODS("contract_periods", false),
    /** {@code reading_governance} (this product's extension). */
    READING_GOVERNANCE("reading_governance", false),
    /** {@code installation_date}. */
    INSTALLATION_DATE("installation_date", false),
    /** {@code commissioning_date}. */
    COMMISSIONING_DATE("commissioning_date", false),
    /** {@code decommissioned_at}. */
    DECOMMISSIONED_AT("decommissioned_at", false),
    /** {@code reading_echo} (this product's extension). */
    READING_ECHO("reading_echo", false),
    /** {@code journey_actions}: kept among the extra attributes, but not the customer's to change. */
    JOURNEY_ACTIONS("journey_actions", false);

    private final String label;
    private final boolean portalMayChange;

    MeterField(String label, boolean portalMayChange) {
        this.label = label;
        this.portalMayChange = portalMayChange;
    }

    /** The contract's name of the field, for messages. */
    public String label() {
        return label;
    }

    /** Whether a portal user may change the field of their own meter. */
    public boolean portalMayChange() {
        return portalMayChange;
    }
}
