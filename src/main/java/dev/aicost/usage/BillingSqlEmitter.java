package dev.aicost.usage;

import static dev.aicost.usage.SqlEmitter.literal;
import static dev.aicost.usage.SqlEmitter.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * The usage aggregation of a billing export (CUR 2.0, legacy CUR, FOCUS) as SQL. The engine does
 * the heavy part, condensing the export's rows; aicost does the rest on the result exactly as it
 * would on the export: the query groups the rows by every column {@code usage} reads but the
 * amounts (with the start time as written), sums the amounts as exact decimals within a group, and
 * counts the rows a group stands for. A group never mixes negative, positive and missing amounts,
 * and an amount that is not a number keeps its text, so every row the local reader would call a
 * credit, a refund or malformed is still one in the result. Its first column, {@code aicost_result},
 * names the query and its version on every row.
 */
public final class BillingSqlEmitter {
    /** The value of {@code aicost_result} in a result of the billing query, this version. */
    public static final String RESULT = "aicost-usage-billing/1";
    /** The suffix of a column holding an amount's text when it is not a number. */
    public static final String RAW = "__raw";
    /** The suffix of a column holding an amount's sign (a grouping key only). */
    public static final String SIGN = "__sign";
    /** The columns summed within a group. */
    public static final List<String> AMOUNTS = List.of("line_item_usage_amount", "line_item_unblended_cost",
            "lineItem/UsageAmount", "lineItem/UnblendedCost", "BilledCost", "ConsumedQuantity", "PricingQuantity");

    private BillingSqlEmitter() {
    }

    /**
     * @param kind CUR (2.0 or legacy) or FOCUS, as detected from {@code header}
     * @param header the columns of a sample of the export (the table has the same)
     * @param paths DuckDB reads these files directly; the other dialects query a table
     * @param parquet whether the files (DuckDB) or the table are Parquet with maps for {@code product}
     *     and {@code resource_tags} (AWS Data Exports' Athena table is)
     */
    public static String emit(SqlEmitter.Dialect dialect, BillingReader.Kind kind, List<String> header,
            List<String> paths, boolean parquet, String tagKey) {
        boolean cur2 = header.stream().anyMatch(h -> h.equalsIgnoreCase("line_item_usage_type"));
        boolean maps = parquet; // Parquet exports (and the Data Exports table over them) hold product and tags as maps
        String table = cur2 ? "cur2_export" : kind == BillingReader.Kind.CUR ? "cur_export" : "focus_export";
        List<String> keys = new ArrayList<>();
        List<String> select = new ArrayList<>();
        List<String> wanted = new ArrayList<>(BillingReader.COLUMNS);
        if (tagKey != null) {
            wanted.add("resourceTags/user:" + tagKey);
        }
        for (String column : header) {
            String name = column.strip();
            if (wanted.stream().noneMatch(name::equalsIgnoreCase)) {
                continue;
            }
            if (name.equals("product") && maps) {
                String value = "CAST(" + quote(dialect, name) + "['product_name'] AS " + text(dialect) + ")";
                keys.add(value);
                select.add(value + " AS " + quote(dialect, "product_product_name"));
            } else if (name.equals("resource_tags")) {
                if (tagKey == null) {
                    continue;
                }
                String value = maps ? "COALESCE(" + quote(dialect, name) + "[" + literal("user_" + tagKey) + "], "
                        + quote(dialect, name) + "[" + literal(tagKey) + "])" : "CAST(" + quote(dialect, name) + " AS "
                        + text(dialect) + ")";
                keys.add(value);
                select.add(value + " AS " + quote(dialect, maps ? "resourceTags/user:" + tagKey : name));
            } else if (AMOUNTS.contains(name)) {
                String clean = "NULLIF(NULLIF(TRIM(CAST(" + quote(dialect, name) + " AS " + text(dialect) + ")), ''), "
                        + "'NULL')";
                String number = tryCast(dialect) + "(" + clean + " AS DECIMAL(38, 18))";
                select.add("CAST(sum(" + number + ") AS " + text(dialect) + ") AS " + quote(dialect, name));
                String raw = "CASE WHEN " + clean + " IS NOT NULL AND " + number + " IS NULL THEN " + clean + " END";
                keys.add(raw);
                select.add(raw + " AS " + quote(dialect, name + RAW));
                keys.add("sign(" + number + ")");
                select.add("sign(" + number + ") AS " + quote(dialect, name + SIGN));
            } else {
                String value = "CAST(" + quote(dialect, name) + " AS " + text(dialect) + ")";
                keys.add(value);
                select.add(value + " AS " + quote(dialect, name));
            }
        }
        StringBuilder sql = new StringBuilder();
        sql.append("-- aicost usage --sql ").append(dialect.key()).append(" (").append(RESULT).append("): the rows of ")
                .append(cur2 ? "an AWS CUR 2.0" : kind == BillingReader.Kind.CUR ? "a legacy AWS CUR" : "a FOCUS")
                .append(" export condensed for 'aicost usage'.\n")
                .append("-- Save the result as CSV with its header and read it with: aicost usage --from-sql-result "
                        + "RESULT.csv\n")
                .append("-- Rows that agree on every column aicost reads are summed (exactly, as DECIMAL(38, 18)) and "
                        + "counted;\n-- aicost then prices and classifies them as it would the export's own rows.\n");
        if (dialect != SqlEmitter.Dialect.DUCKDB) {
            sql.append(ddl(dialect, table, header, parquet));
        }
        String source = dialect == SqlEmitter.Dialect.DUCKDB ? duckdbSource(paths, parquet) : table;
        sql.append("SELECT '").append(RESULT).append("' AS aicost_result, ")
                .append(tagKey == null ? "CAST(NULL AS " + text(dialect) + ")" : literal(tagKey)).append(" AS tag_key,\n")
                .append("       ").append(String.join(",\n       ", select)).append(",\n       count(*) AS aicost_rows\n")
                .append("FROM ").append(source).append('\n')
                .append("GROUP BY ").append(String.join(",\n         ", keys)).append(";\n");
        return sql.toString();
    }

    /**
     * The table the query reads, in a comment: for Parquet the one AWS Data Exports creates (Athena's
     * Glue table; Spark reads the files); for CSV exports a table of the sample's columns, as text,
     * with the header line skipped.
     */
    private static String ddl(SqlEmitter.Dialect dialect, String table, List<String> header, boolean parquet) {
        String location = "s3://YOUR-BUCKET/YOUR-EXPORT-PREFIX/";
        List<String> columns = header.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        String ddl;
        if (parquet && dialect != SqlEmitter.Dialect.SPARK) {
            return "-- The export as a table: the one AWS Data Exports creates in the Glue catalog (Athena, or Trino's "
                    + "Hive\n-- or Glue catalog), named here " + table + ": put its name in the FROM clause.\n";
        }
        if (parquet) {
            ddl = "CREATE TEMPORARY VIEW " + table + " USING parquet\nOPTIONS (path '" + location
                    + "', recursiveFileLookup 'true');";
        } else {
            ddl = switch (dialect) {
                case ATHENA -> "CREATE EXTERNAL TABLE " + table + " (\n" + String.join(",\n", columns.stream()
                        .map(c -> "  `" + c.replace("`", "``") + "` string").toList()) + "\n)\nROW FORMAT SERDE "
                        + "'org.apache.hadoop.hive.serde2.OpenCSVSerde'\nLOCATION '" + location + "'\n"
                        + "TBLPROPERTIES ('skip.header.line.count' = '1');";
                case TRINO -> "CREATE TABLE hive.default." + table + " (\n" + String.join(",\n", columns.stream()
                        .map(c -> "  \"" + c.replace("\"", "\"\"") + "\" varchar").toList()) + "\n)\nWITH (format = "
                        + "'CSV', skip_header_line_count = 1, external_location = '" + location + "');";
                case SPARK -> "CREATE TEMPORARY VIEW " + table + " USING csv\nOPTIONS (path '" + location
                        + "', header 'true', escape '\"', multiLine 'true', recursiveFileLookup 'true');";
                case DUCKDB -> "";
            };
        }
        return SqlEmitter.tableComment("The export", ddl);
    }

    private static String duckdbSource(List<String> paths, boolean parquet) {
        String files = SqlEmitter.files(paths);
        return parquet ? "read_parquet(" + files + ")" : "read_csv(" + files + ", header = true, all_varchar = true)";
    }

    private static String text(SqlEmitter.Dialect dialect) {
        return dialect == SqlEmitter.Dialect.SPARK ? "STRING" : "VARCHAR";
    }

    private static String tryCast(SqlEmitter.Dialect dialect) {
        return dialect == SqlEmitter.Dialect.SPARK ? "try_cast" : "TRY_CAST";
    }
}
