package dev.aicost.render;

import java.util.List;

/**
 * The one way reports are written as CSV: RFC 4180, a field quoted when it holds a comma, a
 * quote, a line break or a leading or trailing space (its quotes doubled), rows ended by LF.
 * Every field of every CSV report goes through here, names and ids as much as figures.
 */
public final class Csv {
    private final StringBuilder out = new StringBuilder();

    /** A CSV text that starts with the {@code header} row. */
    public Csv(String... header) {
        row((Object[]) header);
    }

    public Csv(List<String> header) {
        row(header.toArray());
    }

    /** Appends one row; a null field is empty. */
    public Csv row(Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i] == null ? "" : String.valueOf(fields[i])));
        }
        out.append('\n');
        return this;
    }

    /** One field, quoted where RFC 4180 needs it. */
    public static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || (!value.isEmpty() && (value.charAt(0) == ' '
                        || value.charAt(value.length() - 1) == ' '));
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
