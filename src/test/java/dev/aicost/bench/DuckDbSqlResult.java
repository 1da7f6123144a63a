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
        String sql = Files.readString(Path.of(args[0]));
        int from = sql.indexOf("WITH calls AS") >= 0 ? sql.indexOf("WITH calls AS") : sql.indexOf("SELECT '");
        String query = sql.substring(from).replaceFirst(";\\s*$", "");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            if (args.length > 2) {
                statement.execute("SET threads = " + Integer.parseInt(args[2]));
            }
            statement.execute("COPY (" + query + ") TO '" + Path.of(args[1]).toAbsolutePath().toString()
                    .replace("'", "''") + "' (HEADER, DELIMITER ',')");
        }
    }
}
