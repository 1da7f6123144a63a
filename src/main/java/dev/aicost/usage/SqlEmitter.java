package dev.aicost.usage;

import java.util.List;
import java.util.Locale;

/**
 * The usage aggregation as SQL, for logs that live in S3 and outgrow one machine: calls and the
 * four token sums per model (and tag), then tokens per hour, over Bedrock model-invocation logs.
 */
public final class SqlEmitter {
    /** Dialects {@code --sql} accepts. */
    public enum Dialect {
        ATHENA, TRINO, SPARK, DUCKDB;

        public static Dialect parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }
    }

    static final String TABLE = "bedrock_invocation_logs";

    private SqlEmitter() {
    }

    /**
     * @param paths the log files or folders (DuckDB reads them directly; the other dialects query a table
     *     whose DDL is given in a comment)
     * @param tagKey the requestMetadata key to group by, or null
     */
    public static String emit(Dialect dialect, List<String> paths, String tagKey) {
        String source = dialect == Dialect.DUCKDB ? duckdbSource(paths) : TABLE;
        String tag = tagKey == null ? null : tagExpression(dialect, tagKey);
        StringBuilder sql = new StringBuilder();
        sql.append("-- aicost usage --sql ").append(dialect.name().toLowerCase(Locale.ROOT))
                .append(": the aggregation of 'aicost usage' over Bedrock model-invocation logs.\n");
        sql.append("-- inputTokenCount excludes cache tokens; a call's tokens are all four counts.\n");
        if (dialect != Dialect.DUCKDB) {
            sql.append(ddl(dialect));
        }
        String callsCte = "WITH calls AS (\n  SELECT " + quote(dialect, "modelId") + " AS model,"
                + (tag == null ? "" : "\n         " + tag + " AS tag,")
                + "\n         " + hour(dialect) + " AS hour,"
                + "\n         CAST(input.inputTokenCount AS BIGINT) AS input_tokens,"
                + "\n         COALESCE(CAST(input.cacheReadInputTokenCount AS BIGINT), 0) AS cache_read_tokens,"
                + "\n         COALESCE(CAST(input.cacheWriteInputTokenCount AS BIGINT), 0) AS cache_write_tokens,"
                + "\n         CAST(output.outputTokenCount AS BIGINT) AS output_tokens"
                + "\n  FROM " + source
                + "\n  WHERE " + quote(dialect, "modelId") + " IS NOT NULL AND " + quote(dialect, "timestamp")
                + " IS NOT NULL\n    AND input.inputTokenCount IS NOT NULL AND output.outputTokenCount IS NOT NULL\n)\n";
        String groupBy = tag == null ? "model" : "tag, model";
        sql.append("\n-- 1. calls and tokens per ").append(tag == null ? "model" : "tag and model").append('\n');
        sql.append(callsCte);
        sql.append("SELECT ").append(groupBy).append(", count(*) AS calls, sum(input_tokens) AS input_tokens,\n")
                .append("       sum(cache_read_tokens) AS cache_read_tokens, sum(cache_write_tokens) AS "
                        + "cache_write_tokens,\n       sum(output_tokens) AS output_tokens\n")
                .append("FROM calls\nGROUP BY ").append(groupBy).append("\nORDER BY ").append(groupBy).append(";\n");
        sql.append("\n-- 2. tokens per hour (hours without calls are absent here; aicost counts them as 0)\n");
        sql.append(callsCte);
        sql.append("SELECT hour, sum(input_tokens + cache_read_tokens + cache_write_tokens + output_tokens) AS tokens\n")
                .append("FROM calls\nGROUP BY hour\nORDER BY hour;\n");
        return sql.toString();
    }

    private static String duckdbSource(List<String> paths) {
        String files = paths.size() == 1 ? literal(paths.get(0)) : "[" + String.join(", ", paths.stream()
                .map(SqlEmitter::literal).toList()) + "]";
        return "read_ndjson(" + files + ",\n    columns = {timestamp: 'VARCHAR', modelId: 'VARCHAR', requestMetadata: 'JSON',"
                + "\n               input: 'STRUCT(inputTokenCount BIGINT, cacheReadInputTokenCount BIGINT, "
                + "cacheWriteInputTokenCount BIGINT)',\n               output: 'STRUCT(outputTokenCount BIGINT)'},"
                + "\n    ignore_errors = true)";
    }

    private static String hour(Dialect dialect) {
        return switch (dialect) {
            case DUCKDB -> "strftime(date_trunc('hour', CAST(\"timestamp\" AS TIMESTAMPTZ) AT TIME ZONE 'UTC'), "
                    + "'%Y-%m-%dT%H:00:00Z')";
            case ATHENA, TRINO -> "date_format(date_trunc('hour', from_iso8601_timestamp(\"timestamp\") AT TIME ZONE "
                    + "'UTC'), '%Y-%m-%dT%H:00:00Z')";
            case SPARK -> "date_format(date_trunc('HOUR', to_utc_timestamp(to_timestamp(`timestamp`), 'UTC')), "
                    + "\"yyyy-MM-dd'T'HH:00:00'Z'\")";
        };
    }

    private static String tagExpression(Dialect dialect, String key) {
        String value = switch (dialect) {
            case DUCKDB -> "json_extract_string(requestMetadata, " + literal("$." + key) + ")";
            case ATHENA, TRINO -> "element_at(requestMetadata, " + literal(key) + ")";
            case SPARK -> "requestMetadata[" + literal(key) + "]";
        };
        return "COALESCE(" + value + ", '(untagged)')";
    }

    private static String ddl(Dialect dialect) {
        String columns = "  `timestamp` string,\n  modelId string,\n  requestMetadata map<string,string>,\n"
                + "  input struct<inputTokenCount:bigint,cacheReadInputTokenCount:bigint,cacheWriteInputTokenCount:bigint>,\n"
                + "  output struct<outputTokenCount:bigint>";
        String ddl = switch (dialect) {
            case ATHENA -> "CREATE EXTERNAL TABLE " + TABLE + " (\n" + columns + "\n)\nROW FORMAT SERDE "
                    + "'org.openx.data.jsonserde.JsonSerDe'\nLOCATION 's3://YOUR-BUCKET/AWSLogs/ACCOUNT-ID/"
                    + "BedrockModelInvocationLogs/';";
            case TRINO -> "CREATE TABLE hive.default." + TABLE + " (\n  \"timestamp\" varchar,\n  modelId varchar,\n"
                    + "  requestMetadata map(varchar, varchar),\n  input row(inputTokenCount bigint, "
                    + "cacheReadInputTokenCount bigint, cacheWriteInputTokenCount bigint),\n"
                    + "  output row(outputTokenCount bigint)\n)\nWITH (format = 'JSON', external_location = "
                    + "'s3://YOUR-BUCKET/AWSLogs/ACCOUNT-ID/BedrockModelInvocationLogs/');";
            case SPARK -> "CREATE TEMPORARY VIEW " + TABLE + " USING json\nOPTIONS (path 's3://YOUR-BUCKET/AWSLogs/"
                    + "ACCOUNT-ID/BedrockModelInvocationLogs/', recursiveFileLookup 'true');";
            case DUCKDB -> "";
        };
        StringBuilder out = new StringBuilder("-- The logs as a table (run once, with your bucket):\n");
        for (String line : ddl.split("\n")) {
            out.append("--   ").append(line).append('\n');
        }
        return out.toString();
    }

    private static String quote(Dialect dialect, String column) {
        return dialect == Dialect.SPARK ? "`" + column + "`" : "\"" + column + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
