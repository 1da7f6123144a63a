package dev.aicost.bench;

import dev.aicost.usage.ParquetFixtures;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The benchmark peer for billing exports: DuckDB does the aggregation {@code aicost usage} does on
 * a CUR 2.0 export (Bedrock token lines by usage type and product name, tokens scaled by the
 * pricing unit, billed cost; the billed cost of every line; tokens per hour) over the CSV or its
 * Parquet copy, and prints the rows. Usage: DuckDbBilling FILE | DuckDbBilling --to-parquet CSV PARQUET
 */
public final class DuckDbBilling {
    private DuckDbBilling() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--to-parquet")) {
            ParquetFixtures.cur2(Path.of(args[1]), Path.of(args[2]), false);
            return;
        }
        String file = args[0];
        String source = file.endsWith(".parquet") ? "read_parquet('" + file + "')"
                : "read_csv('" + file + "', header = true, all_varchar = true)";
        String amount = file.endsWith(".parquet") ? "CAST(line_item_usage_amount AS DOUBLE)"
                : "CAST(line_item_usage_amount AS DECIMAL(38, 10))";
        String cost = file.endsWith(".parquet") ? "CAST(line_item_unblended_cost AS DOUBLE)"
                : "CAST(line_item_unblended_cost AS DECIMAL(38, 10))";
        String product = file.endsWith(".parquet") ? "product['product_name']"
                : "json_extract_string(product, '$.product_name')";
        String start = file.endsWith(".parquet") ? "line_item_usage_start_date"
                : "CAST(line_item_usage_start_date AS TIMESTAMP)";
        long begin = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE lines AS SELECT line_item_usage_type AS usage_type, "
                    + product + " AS product_name, " + amount + " * CASE WHEN pricing_unit = '1K tokens' THEN 1000 "
                    + "ELSE 1 END AS tokens, " + cost + " AS billed, date_trunc('hour', " + start + ") AS hour, "
                    + "(line_item_product_code ILIKE '%bedrock%' OR line_item_usage_type LIKE '%-MP:%') "
                    + "AND (line_item_usage_type ILIKE '%token%') AS token_line FROM " + source);
            try (ResultSet rows = statement.executeQuery("SELECT usage_type, product_name, sum(tokens), sum(billed) "
                    + "FROM lines WHERE token_line GROUP BY ALL ORDER BY ALL")) {
                while (rows.next()) {
                    System.out.println(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT sum(billed), (SELECT count(DISTINCT hour) FROM lines "
                    + "WHERE token_line) FROM lines")) {
                rows.next();
                System.out.println("billed " + rows.getString(1) + " hours " + rows.getString(2));
            }
        }
        System.err.printf("duckdb: %.0f ms%n", (System.nanoTime() - begin) / 1e6);
    }
}
