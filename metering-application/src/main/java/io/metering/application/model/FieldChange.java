package io.metering.application.model;

import java.util.Objects;

/**
 * What a partial update does to one optional field of a stored record: keep the stored value,
 * clear it, or set a new one. The HTTP adapter decides which from the request (an absent field
 * keeps, an explicit JSON {@code null} clears); the use cases only apply it.
 *
 * @param kind keep, clear or set
 * @param value the new value, present exactly when {@code kind} is {@link Kind#SET}
 * @param <T> the field's type
 */
public record FieldChange<T>(Kind kind, T value) {
    /** The three things an update can do to a field. */
    public enum Kind {
        /** Leave the stored value as it is. */
        KEEP,
        /** Remove the stored value. */
        CLEAR,
        /** Replace the stored value. */
        SET
    }

    private static final FieldChange<?> KEEP = new FieldChange<>(Kind.KEEP, null);
    private static final FieldChange<?> CLEAR = new FieldChange<>(Kind.CLEAR, null);

    /** @throws IllegalArgumentException if a value is given with KEEP or CLEAR, or missing with SET */
    public FieldChange {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SET) != (value != null)) {
            throw new IllegalArgumentException(kind + (value == null ? " needs a value" : " takes no value"));
        }
    }

    /** Keeps the stored value. */
    @SuppressWarnings("unchecked")
    public static <T> FieldChange<T> keep() {
        return (FieldChange<T>) KEEP;
    }

    /** Clears the stored value. */
    @SuppressWarnings("unchecked")
    public static <T> FieldChange<T> clear() {
        return (FieldChange<T>) CLEAR;
    }

    /**
     * Sets {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is null (use {@link #clear()})
     */
    public static <T> FieldChange<T> set(T value) {
        return new FieldChange<>(Kind.SET, value);
    }

    /** Sets {@code value}, or keeps the stored value when it is null (a field the request left out). */
    public static <T> FieldChange<T> setOrKeep(T value) {
        return value == null ? keep() : new FieldChange<>(Kind.SET, value);
    }

    /** @return the field after the update: the new value, null when cleared, else {@code stored} */
    public T applyTo(T stored) {
        return switch (kind) {
            case KEEP -> stored;
            case CLEAR -> null;
            case SET -> value;
        };
    }

    /** Whether the update sets a new value. */
    public boolean sets() {
        return kind == Kind.SET;
    }

    /** Whether the update keeps the stored value. */
    public boolean keeps() {
        return kind == Kind.KEEP;
    }
}
