package dev.aicost.usage;

import dev.aicost.input.CsvInput;
import dev.aicost.input.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A Parquet billing export (AWS Data Exports write CUR 2.0 and FOCUS as Parquet by default), read
 * through DuckDB's embedded engine. Only the columns {@link BillingReader} looks at are fetched,
 * each turned into the text a CSV export would hold: the product name and the {@code --by} tag out
 * of the {@code product} and {@code resource_tags} maps, other maps and structs as JSON objects,
 * timestamps as ISO-8601 UTC (truncated to the hour, all the reader uses), numbers as exact
 * decimals. Rows that agree on every fetched column but the amounts are summed by DuckDB first
 * (DECIMAL exactly, DOUBLE to 12 decimal places: see {@link #exact}), so the
 * reader sees one row per group, weighted by how many rows it stands for; a group never mixes
 * missing, negative and positive amounts, so nothing a row-by-row read would call malformed is
 * hidden by a sum. A group's line is its first row's number (from 1); a field's "column" is its
 * position among the file's columns.
 */
final class ParquetBillingRows implements BillingRows {
    private static final String ISO = "'%Y-%m-%dT%H:%M:%SZ'";
    private final String file;
    private Connection connection;
    private Statement statement;
    private ResultSet rows;
    private final List<String> header = new ArrayList<>();
    private int[] positions;
    private long row;
    private long weight = 1;
    private boolean grouped;
    /** Per header field: the result column of its summed fraction (DOUBLE amounts), or 0. */
    private int[] fractionColumn;

    ParquetBillingRows(Path path, String tagKey, int threads) {
        file = path.toString();
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("threads", Integer.toString(Math.max(1, threads)));
        try {
            connection = DuckDb.driver().connect("jdbc:duckdb:", properties);
            statement = connection.createStatement();
            String source = "read_parquet('" + path.toAbsolutePath().toString().replace("'", "''") + "')";
            List<String> wanted = new ArrayList<>(BillingReader.COLUMNS);
            if (tagKey != null) {
                wanted.add("resourceTags/user:" + tagKey);
            }
            List<String> all = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            List<String> select = new ArrayList<>();
            List<String> plain = new ArrayList<>();
            List<String> hidden = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            List<Integer> fractions = new ArrayList<>();
            List<String> fractionSql = new ArrayList<>();
            boolean summable = true;
            try (ResultSet columns = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (columns.next()) {
                    String name = columns.getString("column_name");
                    String type = columns.getString("column_type").toUpperCase(Locale.ROOT);
                    all.add(name);
                    boolean map = type.startsWith("MAP");
                    String expression;
                    if (map && name.equals("product")) {
                        // only the product name is read from the map: fetch it alone, under the CSV column's name
                        header.add("product_product_name");
                        expression = quote(name) + "['product_name']";
                    } else if (map && name.equals("resource_tags")) {
                        if (tagKey == null) {
                            continue;
                        }
                        header.add("resourceTags/user:" + tagKey);
                        expression = "coalesce(" + quote(name) + "[" + literal("user_" + tagKey) + "], " + quote(name)
                                + "[" + literal(tagKey) + "])";
                    } else if (wanted.stream().anyMatch(name::equalsIgnoreCase)) {
                        header.add(name);
                        if (AMOUNTS.contains(name)) {
                            boolean number = type.startsWith("DECIMAL") || type.equals("DOUBLE") || type.equals("FLOAT")
                                    || type.equals("REAL") || type.endsWith("INT") || type.equals("INTEGER");
                            summable &= number;
                            at.add(all.size());
                            if (isFloating(type)) {
                                // summed as integers: the whole parts here, the fractions to 12 places in an
                                // extra column, joined into one exact number when the group is read. Below
                                // 4,096 that gives back the 12-place figure the file was written from; above,
                                // the 12th place may be off by one (1e-12 a line below 10,000, about 1e-10
                                // below a million)
                                select.add("CAST(sum(CAST(trunc(" + quote(name) + ") AS HUGEINT)) AS VARCHAR)");
                                fractions.add(header.size() - 1);
                                fractionSql.add("CAST(sum(CAST(round((" + quote(name) + " - trunc(" + quote(name)
                                        + ")) * 1000000000000) AS BIGINT)) AS VARCHAR)");
                            } else {
                                select.add(number ? "CAST(sum(" + exact(quote(name), type) + ") AS VARCHAR)"
                                        : text(quote(name), type));
                            }
                            plain.add(text(quote(name), type));
                            hidden.add("sign(" + quote(name) + ")");
                            continue;
                        }
                        boolean start = type.startsWith("TIMESTAMP") && name.equals(startColumn(name));
                        expression = start ? hour(quote(name), type) : text(quote(name), type);
                        if (start) {
                            // grouped by the hour itself, formatted once a group (not once a row)
                            at.add(all.size());
                            select.add(expression);
                            plain.add(expression);
                            keys.add(hourStart(quote(name), type));
                            continue;
                        }
                    } else {
                        continue;
                    }
                    at.add(all.size());
                    select.add(expression);
                    plain.add(expression);
                    keys.add(expression);
                }
            }
            BillingReader.Kind kind = BillingReader.detect(all);
            if (kind == null) {
                throw InputException.of(file, "is a Parquet file but not a billing export aicost knows: its "
                        + "columns are " + shortList(all) + "; expected the columns of " + BillingReader.IDENTIFYING);
            }
            BillingReader.requireColumns(file, kind, all);
            positions = at.stream().mapToInt(Integer::intValue).toArray();
            grouped = summable;
            fractionColumn = new int[header.size()];
            if (grouped) {
                for (int i = 0; i < fractions.size(); i++) {
                    fractionColumn[fractions.get(i)] = select.size() + 3 + i;
                }
                List<String> groupBy = new ArrayList<>(keys);
                groupBy.addAll(hidden);
                rows = statement.executeQuery("SELECT " + String.join(", ", select) + ", count(*), "
                        + "min(file_row_number) + 1" + (fractionSql.isEmpty() ? "" : ", " + String.join(", ", fractionSql))
                        + " FROM " + source.replace("')", "', file_row_number = true)")
                        + (groupBy.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupBy)) + " ORDER BY "
                        + (select.size() + 2));
            } else {
                // an amount stored as text must be read row by row, where a bad one is a malformed row
                rows = statement.executeQuery("SELECT " + String.join(", ", plain) + " FROM " + source);
            }
        } catch (SQLException e) {
            close();
            throw InputException.of(file, "is not a readable Parquet file: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The column names of a Parquet file, as written (for the SQL of {@code usage --sql}). */
    static List<String> columnNames(Path path) {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        List<String> names = new ArrayList<>();
        try (Connection connection = DuckDb.driver().connect("jdbc:duckdb:", properties);
                Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet('"
                        + path.toAbsolutePath().toString().replace("'", "''") + "')")) {
            while (columns.next()) {
                names.add(columns.getString("column_name"));
            }
        } catch (SQLException e) {
            throw InputException.of(path.toString(), "is not a readable Parquet file: " + firstLine(e.getMessage()));
        }
        return names;
    }

    /** The SQL that turns a column of {@code type} into the text a CSV export would hold. */
    private static String text(String column, String type) {
        if (type.startsWith("MAP") || type.startsWith("STRUCT") || type.endsWith("]") || type.equals("JSON")) {
            return "CAST(to_json(" + column + ") AS VARCHAR)";
        }
        if (type.startsWith("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) {
            return "strftime(timezone('UTC', " + column + "), " + ISO + ")";
        }
        if (type.startsWith("TIMESTAMP")) {
            return "strftime(CAST(" + column + " AS TIMESTAMP), " + ISO + ")";
        }
        if (type.equals("VARCHAR")) {
            return column;
        }
        // DOUBLE as DuckDB's shortest round-trip decimal (what a CSV export holds); DECIMAL exactly
        return "CAST(" + column + " AS VARCHAR)";
    }

    /** A DECIMAL or integer amount as an exact number to sum. */
    private static String exact(String column, String type) {
        if (type.endsWith("INT") || type.equals("INTEGER")) {
            return "CAST(" + column + " AS HUGEINT)";
        }
        return column;
    }

    private static boolean isFloating(String type) {
        return type.equals("DOUBLE") || type.equals("FLOAT") || type.equals("REAL");
    }

    /** The columns summed within a group. */
    private static final List<String> AMOUNTS = List.of("line_item_usage_amount", "line_item_unblended_cost",
            "lineItem/UsageAmount", "lineItem/UnblendedCost", "BilledCost", "ConsumedQuantity", "PricingQuantity");

    private static String startColumn(String name) {
        return List.of("line_item_usage_start_date", "lineItem/UsageStartDate", "ChargePeriodStart").contains(name)
                ? name : "";
    }

    /** A start time truncated to its hour, as ISO-8601 UTC. */
    private static String hour(String column, String type) {
        return "strftime(" + hourStart(column, type) + ", " + ISO + ")";
    }

    /** A start time truncated to its hour, in UTC. */
    private static String hourStart(String column, String type) {
        String utc = type.startsWith("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")
                ? "timezone('UTC', " + column + ")" : "CAST(" + column + " AS TIMESTAMP)";
        return "date_trunc('hour', " + utc + ")";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String shortList(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(6, names.size())));
        return names.size() > 6 ? shown + ", ..." : shown;
    }

    /** DuckDB's complaint in words: the most specific line, without its error-class prefixes. */
    static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        if (message.contains("TProtocolException") || message.contains("Invalid data")) {
            return "its metadata is damaged (an interrupted download or copy?)";
        }
        String[] lines = message.strip().split("\n");
        String line = lines[lines.length - 1];
        for (String candidate : lines) {
            if (!candidate.contains("pending query result")) {
                line = candidate;
                break;
            }
        }
        String cleaned = line.replaceAll("(\\b[A-Z][A-Za-z]* )*(Error|Exception):\\s*", "").strip();
        return cleaned.isEmpty() ? "unreadable" : cleaned;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public CsvInput.Row next() {
        try {
            if (!rows.next()) {
                return null;
            }
            String[] fields = new String[header.size()];
            for (int i = 0; i < fields.length; i++) {
                String value = rows.getString(i + 1);
                if (value != null && grouped && fractionColumn[i] > 0) {
                    // the exact decimal of a DOUBLE amount's sum: whole parts + fractions in 1e-12 units
                    value = new java.math.BigDecimal(value).add(new java.math.BigDecimal(new java.math.BigInteger(
                            rows.getString(fractionColumn[i])), 12)).toPlainString();
                }
                fields[i] = value == null ? "" : value.strip();
            }
            if (grouped) {
                weight = rows.getLong(fields.length + 1);
                row = rows.getLong(fields.length + 2);
            } else {
                row++;
            }
            return new CsvInput.Row(row, fields, positions);
        } catch (SQLException e) {
            throw InputException.of(file, "row " + (row + 1) + " cannot be read: " + firstLine(e.getMessage()));
        }
    }

    @Override
    public long weight() {
        return weight;
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // closing an in-memory database: nothing to recover
        }
    }
}
