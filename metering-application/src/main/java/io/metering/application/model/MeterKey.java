package io.metering.application.model;

import java.util.Objects;

/**
 * How an import names a meter: by our id or by an identifier the user already has (docs/import-export.md
 * "Keys").
 *
 * @param kind which identifier
 * @param value its text, as given
 */
public record MeterKey(Kind kind, String value) {
    /** The identifiers a meter can be named by. */
    public enum Kind {
        /** Our UUID ({@code meter_id}). */
        METER_ID("meter_id"),
        /** The market location id ({@code ma_lo_id}, 11 digits in the German market). */
        MA_LO_ID("ma_lo_id"),
        /** The metering location id (33 characters in the German market), the meter attribute {@code me_lo_id}. */
        ME_LO_ID("me_lo_id"),
        /** The meter's serial number ({@code meter_number}). */
        METER_NUMBER("meter_number");

        private final String field;

        Kind(String field) {
            this.field = field;
        }

        /** The field name users see, e.g. {@code ma_lo_id}. */
        public String field() {
            return field;
        }
    }

    /** @throws NullPointerException if a part is null */
    public MeterKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return kind.field + " '" + value + "'";
    }
}
