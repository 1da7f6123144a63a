package dev.aicost.usage;

import dev.aicost.input.CsvInput;
import dev.aicost.input.InputException;
import dev.aicost.input.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The result of the query {@code usage --sql} prints, run on another engine and saved as CSV with
 * its header, read back into the sums the local reader would have made. Every row must carry the
 * {@code aicost_result} of this version of the query; a file from another query or version, or
 * with a column missing, is bad input at its line and column.
 */
public final class SqlResultReader {
    private SqlResultReader() {
    }

    /** What the result held: the sums, the tag key the query grouped by (null for none), and its rows. */
    public record LogResult(UsageAggregator aggregate, String tagKey, long rows) {
    }

    /** What a result's first row says: whether it is of the billing query, and the tag key it grouped by. */
    public record Peek(boolean billing, String tagKey) {
    }

    /** The first row's {@code aicost_result} and {@code tag_key}; a file without them is checked later. */
    public static Peek peek(Path path) {
        return CsvInput.read(path, csv -> {
            CsvInput.Row header = csv.next();
            CsvInput.Row first = csv.next();
            boolean billing = false;
            String tagKey = null;
            for (int i = 0; header != null && first != null && i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase("aicost_result")) {
                    billing = first.get(i).startsWith("aicost-usage-billing/");
                } else if (header.get(i).equalsIgnoreCase("tag_key")) {
                    tagKey = first.get(i).isEmpty() ? null : first.get(i);
                }
            }
            return new Peek(billing, tagKey);
        });
    }

    /** Reads a result of the billing query into {@code reader}, as the export's own rows would be. */
    public static void readBilling(Path path, BillingReader reader) {
        String file = path.toString();
        CsvInput.read(path, csv -> {
            CsvInput.Row header = header(file, csv);
            SqlResultBillingRows rows = new SqlResultBillingRows(file, csv, header);
            BillingReader.Kind kind = BillingReader.detect(rows.header());
            if (kind == null) {
                throw InputException.of(file, "is a billing result without the columns of an export aicost knows: "
                        + BillingReader.IDENTIFYING);
            }
            reader.read(file, kind, rows);
            return null;
        });
    }

    /** Reads a result of the log query into an aggregate whose groups are the result's rows. */
    public static LogResult readLogs(Path path, ToLongFunction<String> longContextThreshold) {
        return CsvInput.read(path, csv -> readLogs(path.toString(), csv, longContextThreshold));
    }

    private static LogResult readLogs(String file, CsvInput csv, ToLongFunction<String> longContextThreshold) {
        CsvInput.Row header = header(file, csv);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).toLowerCase(java.util.Locale.ROOT), i);
        }
        if (!columns.containsKey("aicost_result")) {
            throw new InputException(new Problem(file, (int) header.line(), 1, null, "is not the result of 'aicost "
                    + "usage --sql': it has no aicost_result column (save the query's result with its header)"));
        }
        List<String> missing = new ArrayList<>();
        for (String column : SqlEmitter.LOGS_COLUMNS) {
            if (!columns.containsKey(column)) {
                missing.add(column);
            }
        }
        UsageAggregator aggregate = new UsageAggregator(longContextThreshold);
        String tagKey = null;
        long rows = 0;
        for (CsvInput.Row row = csv.next(); row != null; row = csv.next()) {
            String kind = row.get(columns.get("aicost_result"));
            if (!kind.equals(SqlEmitter.LOGS_RESULT)) {
                throw new InputException(new Problem(file, (int) row.line(), row.column(columns.get("aicost_result")),
                        "aicost_result", kind.startsWith("aicost-usage-logs/")
                                ? "was made by version " + kind.substring(kind.indexOf('/') + 1) + " of the query; this "
                                        + "aicost reads " + SqlEmitter.LOGS_RESULT + ": print the query again with "
                                        + "'aicost usage --sql' and rerun it"
                                : "'" + kind + "' is not a result this aicost reads (expected " + SqlEmitter.LOGS_RESULT
                                        + ")"));
            }
            if (!missing.isEmpty()) {
                throw new InputException(new Problem(file, (int) header.line(), 1, null, "the result lacks the column"
                        + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)));
            }
            String by = row.get(columns.get("tag_key"));
            if (rows == 0) {
                tagKey = by.isEmpty() ? null : by;
            }
            String model = required(file, row, columns, "model");
            String hourText = required(file, row, columns, "hour");
            long hour = InvocationLogReader.epochHour(hourText);
            if (hour == Long.MIN_VALUE) {
                throw bad(file, row, columns, "hour", "'" + hourText + "' is not an ISO-8601 hour such as "
                        + "2026-10-01T10:00:00Z");
            }
            int band = (int) count(file, row, columns, "long_context");
            if (band > 1) {
                throw bad(file, row, columns, "long_context", "must be 0 or 1, got " + band);
            }
            String tag = row.get(columns.get("tag"));
            aggregate.addSums(model, tagKey == null ? null : tag.isEmpty() ? "(untagged)" : tag,
                    empty(row.get(columns.get("region"))), empty(row.get(columns.get("inference_region"))), hour, band,
                    count(file, row, columns, "calls"), count(file, row, columns, "input_tokens"),
                    count(file, row, columns, "cache_read_tokens"), count(file, row, columns, "cache_write_tokens"),
                    count(file, row, columns, "output_tokens"));
            rows++;
        }
        return new LogResult(aggregate, tagKey, rows);
    }

    /** A result's header row; an empty file is bad input. */
    private static CsvInput.Row header(String file, CsvInput csv) {
        CsvInput.Row header = csv.next();
        if (header == null) {
            throw InputException.of(file, "is empty: expected the CSV result of 'aicost usage --sql' with its header");
        }
        return header;
    }

    private static String empty(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String required(String file, CsvInput.Row row, Map<String, Integer> columns, String name) {
        String value = row.get(columns.get(name));
        if (value.isEmpty()) {
            throw bad(file, row, columns, name, "is empty");
        }
        return value;
    }

    /** A whole number of 0 or more in {@code name}; empty is 0 (a sum over no tokens). */
    private static long count(String file, CsvInput.Row row, Map<String, Integer> columns, String name) {
        String text = row.get(columns.get(name));
        if (text.isEmpty()) {
            return 0;
        }
        try {
            long value = Long.parseLong(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
            if (value < 0) {
                throw bad(file, row, columns, name, "must be 0 or more, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw bad(file, row, columns, name, "not a whole number: '" + text + "'");
        }
    }

    private static InputException bad(String file, CsvInput.Row row, Map<String, Integer> columns, String name,
            String message) {
        return new InputException(new Problem(file, (int) row.line(), row.column(columns.get(name)), name, message));
    }
}
