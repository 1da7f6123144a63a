package dev.aicost.usage;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV one record at a time (quoted fields may hold commas, quotes and newlines). */
final class CsvRows {
    private final BufferedReader reader;
    private long line;
    private long recordLine;

    CsvRows(BufferedReader reader) {
        this.reader = reader;
    }

    /** The line the last record started on (1-based). */
    long line() {
        return recordLine;
    }

    /** The next record's fields, or null at the end. */
    List<String> next() throws IOException {
        String text = reader.readLine();
        if (text == null) {
            return null;
        }
        line++;
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i == text.length()) {
                if (quoted) {
                    String more = reader.readLine();
                    if (more == null) {
                        throw new IOException("line " + recordLine + ": a quoted field is not closed");
                    }
                    line++;
                    field.append('\n');
                    text = more;
                    i = 0;
                    continue;
                }
                fields.add(field.toString());
                return fields;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
    }
}
