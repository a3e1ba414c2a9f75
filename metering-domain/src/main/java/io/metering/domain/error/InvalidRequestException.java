package io.metering.domain.error;

/** A request or reading that breaks a rule; answered 400 with {@code {message, reason}}. */
public final class InvalidRequestException extends MeteringException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason the rule that was broken
     * @param message what was wrong, naming the offending field or reading index
     */
    public InvalidRequestException(ReasonCode reason, String message) {
        super(reason, message);
    }

    /**
     * The same rejection with its message prefixed by the position of the reading in a batch, e.g.
     * {@code readings[3]: ...}.
     *
     * @param location where in the request the problem lies
     * @return a new exception with the same reason
     */
    public InvalidRequestException at(String location) {
        return new InvalidRequestException(reason(), location + ": " + getMessage());
    }
}
