package io.metering.bootstrap.config;

/** A setting that is missing or malformed; the service refuses to start and prints the message. */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message which setting is wrong and what is expected */
    public ConfigurationException(String message) {
        super(message);
    }
}
