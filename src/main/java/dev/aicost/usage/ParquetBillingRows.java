package dev.aicost.usage;

import dev.aicost.spec.CsvInput;
import dev.aicost.spec.InputException;
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
 * through DuckDB's embedded engine: only the columns {@link BillingReader} looks at are fetched,
 * streamed a batch at a time, each turned into the text a CSV export would hold: maps and structs
 * ({@code product}, {@code resource_tags}) as JSON objects, timestamps as ISO-8601 UTC, numbers
 * (DOUBLE or DECIMAL) as their shortest exact decimal. Rows are numbered from 1; a field's
 * "column" is its position among the file's columns.
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

    ParquetBillingRows(Path path, String tagKey, int threads) {
        file = path.toString();
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("threads", Integer.toString(Math.max(1, threads)));
        try {
            connection = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", properties);
            statement = connection.createStatement();
            String source = "read_parquet('" + path.toAbsolutePath().toString().replace("'", "''") + "')";
            List<String> wanted = new ArrayList<>(BillingReader.COLUMNS);
            if (tagKey != null) {
                wanted.add("resourceTags/user:" + tagKey);
            }
            List<String> all = new ArrayList<>();
            List<String> select = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            try (ResultSet columns = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (columns.next()) {
                    String name = columns.getString("column_name");
                    String type = columns.getString("column_type").toUpperCase(Locale.ROOT);
                    all.add(name);
                    boolean map = type.startsWith("MAP");
                    if (map && name.equals("product")) {
                        // only the product name is read from the map: fetch it alone, under the CSV column's name
                        header.add("product_product_name");
                        at.add(all.size());
                        select.add(quote(name) + "['product_name'] AS product_product_name");
                    } else if (map && name.equals("resource_tags")) {
                        if (tagKey != null) {
                            header.add("resourceTags/user:" + tagKey);
                            at.add(all.size());
                            select.add("coalesce(" + quote(name) + "[" + literal("user_" + tagKey) + "], " + quote(name)
                                    + "[" + literal(tagKey) + "])");
                        }
                    } else if (wanted.contains(name)) {
                        header.add(name);
                        at.add(all.size());
                        select.add(text(quote(name), type) + " AS " + quote(name));
                    }
                }
            }
            BillingReader.Kind kind = BillingReader.detect(all);
            if (kind == null) {
                throw InputException.of(file, "is a Parquet file but not a billing export aicost knows: its "
                        + "columns are " + shortList(all) + "; expected the columns of " + BillingReader.IDENTIFYING);
            }
            BillingReader.requireColumns(file, kind, all);
            positions = at.stream().mapToInt(Integer::intValue).toArray();
            rows = statement.executeQuery("SELECT " + String.join(", ", select) + " FROM " + source);
        } catch (SQLException e) {
            close();
            throw InputException.of(file, "is not a readable Parquet file: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The kind of export, from all of the file's columns. */
    BillingReader.Kind kind() {
        return BillingReader.detect(header);
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

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
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
            row++;
            String[] fields = new String[header.size()];
            for (int i = 0; i < fields.length; i++) {
                String value = rows.getString(i + 1);
                fields[i] = value == null ? "" : value.strip();
            }
            return new CsvInput.Row(row, fields, positions);
        } catch (SQLException e) {
            throw InputException.of(file, "row " + (row + 1) + " cannot be read: " + firstLine(e.getMessage()));
        }
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
