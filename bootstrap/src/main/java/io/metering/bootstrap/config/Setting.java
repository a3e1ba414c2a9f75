package io.metering.bootstrap.config;

/**
 * One environment variable the service reads: its name, default and meaning. The README's
 * configuration table lists exactly these.
 *
 * @param name the environment variable
 * @param defaultValue the default, or null when unset means "not used"
 * @param meaning what it configures
 */
public record Setting(String name, String defaultValue, String meaning) {}
