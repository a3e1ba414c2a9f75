package io.metering.adapters.persistence.outbox;

/**
 * Text fields of a packed outbox row ({@link PackedEvents}): fields are separated by tabs and events
 * by line feeds, so a field escapes backslash, tab, line feed, carriage return and NUL (which a
 * PostgreSQL text value cannot hold). {@code \N} is null, {@code \e} the empty string, and an empty
 * field means "as the previous event" ({@link #SAME}).
 */
final class FieldText {
    /** An empty field: the value of the previous event's same field. */
    static final String SAME = "";

    private FieldText() {
    }

    /** Appends a value, escaped; null as {@code \N}, the empty string as {@code \e}. */
    static void append(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        if (value.isEmpty()) {
            out.append("\\e");
            return;
        }
        int n = value.length();
        int i = 0;
        while (i < n && !special(value.charAt(i))) {
            i++;
        }
        if (i == n) {
            out.append(value);
            return;
        }
        out.append(value, 0, i);
        for (; i < n; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
    }

    /**
     * The value of a field as {@link #append} wrote it (not {@link #SAME}, which the caller resolves).
     *
     * @throws IllegalStateException for a malformed escape
     */
    static String value(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        if (field.equals("\\N")) {
            return null;
        }
        if (field.equals("\\e")) {
            return "";
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == field.length()) {
                throw new IllegalStateException("a packed outbox field ends in a lone backslash");
            }
            out.append(switch (field.charAt(i)) {
                case '\\' -> '\\';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case '0' -> '\0';
                default -> throw new IllegalStateException("unknown escape in a packed outbox field: \\" + field.charAt(i));
            });
        }
        return out.toString();
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
    }
}
