package dev.aicost.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DOUBLE amounts of a Parquet export are summed as exact decimals to 12 places, not as doubles. */
class ParquetExactSumsTest {
    @TempDir
    Path dir;

    @Test
    void doubleAmountsSumToTheDecimalsTheyWereWrittenFrom() throws Exception {
        Path parquet = dir.resolve("amounts.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            // one group of four positive amounts, and one of two negative ones (a group never mixes signs)
            statement.execute("COPY (SELECT * FROM (VALUES "
                    + "('USE1-x', CAST(0.1 AS DOUBLE), CAST(0.1 AS DOUBLE), TIMESTAMP '2026-10-01 10:00:00'), "
                    + "('USE1-x', 0.2, 0.2, TIMESTAMP '2026-10-01 10:30:00'), "
                    + "('USE1-x', 0.000000000001, 0.000000000001, TIMESTAMP '2026-10-01 10:59:00'), "
                    + "('USE1-x', 1234.567890123456, 1234.567890123456, TIMESTAMP '2026-10-01 10:10:00'), "
                    + "('USE1-x', -0.3, -0.3, TIMESTAMP '2026-10-01 10:00:00'), "
                    + "('USE1-x', -2.000000000005, -2.000000000005, TIMESTAMP '2026-10-01 10:00:00')) "
                    + "t(line_item_usage_type, line_item_usage_amount, line_item_unblended_cost, "
                    + "line_item_usage_start_date) UNION ALL SELECT 'USE1-y', CAST(0.1 AS DOUBLE), CAST(0.01 AS DOUBLE), "
                    + "TIMESTAMP '2026-10-01 11:00:00' FROM range(1000)) TO '" + parquet + "' (FORMAT PARQUET)");
        }
        List<String> sums = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        try (ParquetBillingRows rows = new ParquetBillingRows(parquet, null, 1)) {
            int amount = rows.header().indexOf("line_item_usage_amount");
            int cost = rows.header().indexOf("line_item_unblended_cost");
            for (var row = rows.next(); row != null; row = rows.next()) {
                sums.add(row.fields()[amount] + " " + row.fields()[cost]);
                weights.add(rows.weight());
            }
        }
        // 0.1 + 0.2 + 0.000000000001 + 1234.567890123456 = 1234.867890123457 (as doubles, in some orders,
        // 1234.8678901234568); -0.3 + -2.000000000005 = -2.300000000005; 1,000 x 0.1 = 100 and 1,000 x 0.01 = 10
        // exactly (summed as doubles: 99.9999999999986 and 9.999999999999831)
        assertThat(sums).containsExactly("1234.867890123457 1234.867890123457", "-2.300000000005 -2.300000000005",
                "100.000000000000 10.000000000000");
        assertThat(weights).containsExactly(4L, 2L, 1000L);
    }
}
