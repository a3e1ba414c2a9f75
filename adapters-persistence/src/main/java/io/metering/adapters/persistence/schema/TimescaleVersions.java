package io.metering.adapters.persistence.schema;

/** Comparison of TimescaleDB extension versions such as {@code 2.19.3} or {@code 2.14.0-dev}. */
final class TimescaleVersions {
    private TimescaleVersions() {}

    /** @return whether {@code version} is at least {@code major.minor}; unreadable versions are not */
    static boolean atLeast(String version, int major, int minor) {
        String[] parts = version.split("[.-]");
        try {
            int ma = Integer.parseInt(parts[0]);
            int mi = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
