package dev.aicost.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * bench/sql-path's engine: runs the query 'aicost usage --sql duckdb' printed on DuckDB (JDBC) and
 * saves its result as CSV with a header, as a user would with COPY ... (HEADER).
 * Usage: DuckDbSqlResult QUERY.sql RESULT.csv [THREADS]
 */
public final class DuckDbSqlResult {
    private DuckDbSqlResult() {
    }

    public static void main(String[] args) throws Exception {
        run(Files.readString(Path.of(args[0])), Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : null);
    }

    /** Runs the query of {@code sql} (what 'usage --sql duckdb' printed) and writes its result to {@code result}. */
    public static void run(String sql, Path result, Integer threads) throws Exception {
        int from = sql.indexOf("WITH calls AS") >= 0 ? sql.indexOf("WITH calls AS") : sql.indexOf("SELECT '");
        String query = sql.substring(from).replaceFirst(";\\s*$", "");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            if (threads != null) {
                statement.execute("SET threads = " + threads);
            }
            statement.execute("COPY (" + query + ") TO '" + result.toAbsolutePath().toString().replace("'", "''")
                    + "' (HEADER, DELIMITER ',')");
        }
    }
}
