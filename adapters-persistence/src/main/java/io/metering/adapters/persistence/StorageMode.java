package io.metering.adapters.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * The storage engine the service runs on (docs/architecture.md#persistence): plain PostgreSQL, or
 * PostgreSQL with the TimescaleDB extension, where the {@code reading} table is a hypertable chunked
 * by time. The schema and every query are the same in both modes.
 */
public sealed interface StorageMode permits StorageMode.PlainPostgres, StorageMode.Timescale {
    /** The PostgreSQL server version ({@code server_version}, e.g. {@code 17.5}). */
    String serverVersion();

    /** One line for logs and diagnostics. */
    String describe();

    /** Whether readings live in a TimescaleDB hypertable. */
    default boolean isTimescale() {
        return this instanceof Timescale;
    }

    /**
     * Plain PostgreSQL.
     *
     * @param serverVersion the server version
     * @param reason why TimescaleDB is not used
     */
    record PlainPostgres(String serverVersion, String reason) implements StorageMode {
        /** @throws NullPointerException if a part is null */
        public PlainPostgres {
            Objects.requireNonNull(serverVersion, "serverVersion");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String describe() {
            return "plain PostgreSQL " + serverVersion + " (" + reason + ")";
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /**
     * PostgreSQL with TimescaleDB; {@code reading} is a hypertable on {@code ts}.
     *
     * @param serverVersion the server version
     * @param extensionVersion the installed {@code timescaledb} extension version
     * @param license the extension's license edition
     * @param chunkInterval the time span of new chunks
     */
    record Timescale(String serverVersion, String extensionVersion, TimescaleLicense license, Duration chunkInterval)
            implements StorageMode {
        /** @throws NullPointerException if a part is null */
        public Timescale {
            Objects.requireNonNull(serverVersion, "serverVersion");
            Objects.requireNonNull(extensionVersion, "extensionVersion");
            Objects.requireNonNull(license, "license");
            Objects.requireNonNull(chunkInterval, "chunkInterval");
        }

        @Override
        public String describe() {
            return "TimescaleDB " + extensionVersion + " (" + license.code() + " license) on PostgreSQL " + serverVersion
                    + ", readings in a hypertable chunked by " + span(chunkInterval);
        }

        @Override
        public String toString() {
            return describe();
        }

        private static String span(Duration d) {
            return d.toHoursPart() == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0 && d.toNanosPart() == 0
                    ? d.toDays() + " days" : d.toString();
        }
    }

    /**
     * The license edition TimescaleDB reports ({@code SHOW timescaledb.license}). The product uses
     * nothing beyond the Apache edition (hypertables, chunks, upserts), so both run the same.
     */
    enum TimescaleLicense {
        /** The Apache-2 edition: no compression, continuous aggregates, retention policies, gapfill. */
        APACHE("apache"),
        /** The Timescale License (community) edition with every feature. */
        TIMESCALE("timescale");

        private final String code;

        TimescaleLicense(String code) {
            this.code = code;
        }

        /** The setting's value. */
        public String code() {
            return code;
        }

        /**
         * @param setting the value of {@code timescaledb.license}, may be null
         * @return the edition; anything but {@code timescale} counts as Apache, the edition that
         *     promises the least
         */
        public static TimescaleLicense fromSetting(String setting) {
            return TIMESCALE.code.equals(setting) ? TIMESCALE : APACHE;
        }
    }
}
