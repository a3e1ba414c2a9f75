package io.metering.application.model;

/** Order of readings by timestamp (the contract's {@code sort} parameter). */
public enum SortOrder {
    ASC,
    DESC
}
