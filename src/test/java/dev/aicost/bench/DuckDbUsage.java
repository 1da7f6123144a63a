package dev.aicost.bench;

import dev.aicost.usage.SqlEmitter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The benchmark peer: DuckDB runs the same aggregation as {@code aicost usage} (the SQL that
 * {@code usage --sql duckdb} prints) over the same log, and prints the per-model rows. The time
 * spent in DuckDB itself goes to stderr. Usage: DuckDbUsage FILE
 */
public final class DuckDbUsage {
    private DuckDbUsage() {
    }

    public static void main(String[] args) throws Exception {
        String[] statements = SqlEmitter.emit(SqlEmitter.Dialect.DUCKDB, List.of(args[0]), null, java.util.Map.of()).split(";\n");
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            long connected = System.nanoTime();
            // one scan: the per-model sums and the per-hour sums from the same materialised rows
            statement.execute("CREATE TEMP TABLE calls AS " + statements[0].substring(statements[0].indexOf("WITH"))
                    .replaceFirst("(?s)\\)\\nSELECT .*", ")\nSELECT * FROM calls"));
            try (ResultSet rows = statement.executeQuery("SELECT model, count(*) AS calls, sum(input_tokens), "
                    + "sum(cache_read_tokens), sum(cache_write_tokens), sum(output_tokens) FROM calls GROUP BY model "
                    + "ORDER BY model")) {
                while (rows.next()) {
                    System.out.println(rows.getString(1) + " " + rows.getLong(2) + " " + rows.getLong(3) + " "
                            + rows.getLong(4) + " " + rows.getLong(5) + " " + rows.getLong(6));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM (SELECT hour, sum(input_tokens + "
                    + "cache_read_tokens + cache_write_tokens + output_tokens) FROM calls GROUP BY hour)")) {
                rows.next();
                System.out.println("hours " + rows.getLong(1));
            }
            System.err.printf("duckdb: %.0f ms in DuckDB (connect %.0f ms)%n", (System.nanoTime() - connected) / 1e6,
                    (connected - start) / 1e6);
        }
    }
}
