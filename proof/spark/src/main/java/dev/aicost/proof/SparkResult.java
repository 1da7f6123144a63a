package dev.aicost.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the query 'aicost usage --sql spark' printed: first the table statement its comment gives
 * (with the S3 location replaced by local files), then the query, and writes the result as one CSV
 * file with a header through Spark's own CSV writer.
 * Usage: SparkResult QUERY.sql LOCATION RESULT.csv
 */
public final class SparkResult {
    private SparkResult() {
    }

    public static void main(String[] args) throws Exception {
        String sql = Files.readString(Path.of(args[0]));
        String location = args[1];
        Path result = Path.of(args[2]);
        List<String> ddl = new ArrayList<>();
        boolean inDdl = false;
        StringBuilder query = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (line.startsWith("-- The ") && line.contains("as a table")) {
                inDdl = true;
            } else if (inDdl && line.startsWith("--   ")) {
                ddl.add(line.substring(5));
            } else if (!line.startsWith("--")) {
                inDdl = false;
                query.append(line).append('\n');
            }
        }
        String table = String.join("\n", ddl).replaceAll("'s3://[^']*'", "'" + location.replace("'", "''") + "'")
                .replaceFirst(";\\s*$", "");
        SparkSession spark = SparkSession.builder().master("local[1]").appName("aicost-proof")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "1")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        try {
            spark.sql(table);
            Dataset<Row> rows = spark.sql(query.toString().strip().replaceFirst(";\\s*$", ""));
            Path folder = Files.createTempDirectory("aicost-spark-result");
            // RFC 4180 quoting (a quote inside a field doubled), as every other engine writes it: Spark escapes
            // with a backslash unless told otherwise
            rows.coalesce(1).write().mode("overwrite").option("header", "true").option("escape", "\"")
                    .csv(folder.resolve("out").toString());
            try (var parts = Files.list(folder.resolve("out"))) {
                Path part = parts.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst()
                        .orElseThrow();
                Files.copy(part, result, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            System.err.println("spark: " + rows.count() + " result rows written to " + result);
        } finally {
            spark.stop();
        }
    }
}
