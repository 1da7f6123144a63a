package dev.aicost.usage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Builds Parquet copies of the CSV export fixtures with DuckDB, typed as AWS Data Exports type
 * them: {@code product} and {@code resource_tags} as MAP(VARCHAR, VARCHAR), dates as TIMESTAMP,
 * amounts as DOUBLE (or DECIMAL, to cover both encodings AWS uses).
 */
public final class ParquetFixtures {
    private ParquetFixtures() {
    }

    /** A CUR 2.0 Parquet copy of {@code csv}; amounts DOUBLE, or DECIMAL(38, 10) when {@code decimal}. */
    public static Path cur2(Path csv, Path parquet, boolean decimal) throws SQLException {
        String amount = decimal ? "DECIMAL(38, 10)" : "DOUBLE";
        return copy(csv, parquet, "SELECT * REPLACE ("
                + "CAST(line_item_usage_start_date AS TIMESTAMP) AS line_item_usage_start_date, "
                + "CAST(line_item_usage_end_date AS TIMESTAMP) AS line_item_usage_end_date, "
                + "CAST(line_item_usage_amount AS " + amount + ") AS line_item_usage_amount, "
                + "CAST(line_item_unblended_cost AS " + amount + ") AS line_item_unblended_cost, "
                + "CAST(CAST(product AS JSON) AS MAP(VARCHAR, VARCHAR)) AS product, "
                + "CAST(CAST(resource_tags AS JSON) AS MAP(VARCHAR, VARCHAR)) AS resource_tags)");
    }

    /** A FOCUS Parquet copy of {@code csv}: timestamps TIMESTAMP WITH TIME ZONE, amounts DECIMAL. */
    public static Path focus(Path csv, Path parquet) throws SQLException {
        return copy(csv, parquet, "SELECT * REPLACE ("
                + "CAST(ChargePeriodStart || '+00' AS TIMESTAMPTZ) AS ChargePeriodStart, "
                + "CAST(BilledCost AS DECIMAL(38, 10)) AS BilledCost, "
                + "CAST(ConsumedQuantity AS DECIMAL(38, 10)) AS ConsumedQuantity)");
    }

    private static Path copy(Path csv, Path parquet, String select) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE VIEW export AS SELECT * FROM read_csv('" + csv.toAbsolutePath()
                    + "', header = true, all_varchar = true, nullstr = 'NULL')");
            statement.execute("COPY (" + select + " FROM export) TO '" + parquet.toAbsolutePath()
                    + "' (FORMAT parquet)");
        }
        return parquet;
    }
}
