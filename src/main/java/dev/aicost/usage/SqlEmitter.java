package dev.aicost.usage;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The usage aggregation of Bedrock model-invocation logs as SQL, for logs that live in S3 and
 * outgrow one machine. The query ends with one {@code SELECT} whose result holds everything the
 * report needs: calls and the four token sums per logged model, tag, region, inference region,
 * hour and context band (standard or long, by the card's thresholds). Saved as CSV with its header
 * (the Athena console's download, Trino's {@code --output-format CSV_HEADER}, Spark's or DuckDB's
 * {@code COPY ... (HEADER)}), it is read back by {@code usage --from-sql-result}; its first column,
 * {@code aicost_result}, names the query and its version on every row.
 */
public final class SqlEmitter {
    /** Dialects {@code --sql} accepts. */
    public enum Dialect {
        ATHENA, TRINO, SPARK, DUCKDB;

        public static Dialect parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT));
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The value of {@code aicost_result} in a result of the log query, this version. */
    public static final String LOGS_RESULT = "aicost-usage-logs/1";
    /** The columns of that result, in order. */
    public static final List<String> LOGS_COLUMNS = List.of("aicost_result", "tag_key", "model", "tag", "region",
            "inference_region", "hour", "long_context", "calls", "input_tokens", "cache_read_tokens",
            "cache_write_tokens", "output_tokens");

    static final String TABLE = "bedrock_invocation_logs";

    private SqlEmitter() {
    }

    /**
     * @param paths the log files or folders (DuckDB reads them directly; the other dialects query a table
     *     whose DDL is given in a comment)
     * @param tagKey the requestMetadata key to group by, or null
     * @param longContext each logged model id (ids and aliases of the card's models) to the input above
     *     which a call is billed at long-context rates; models without one are left out
     */
    public static String emit(Dialect dialect, List<String> paths, String tagKey, Map<String, Long> longContext) {
        String source = dialect == Dialect.DUCKDB ? duckdbSource(paths) : TABLE;
        String tag = tagKey == null ? "CAST(NULL AS VARCHAR)" : tagExpression(dialect, tagKey);
        if (dialect == Dialect.SPARK && tagKey == null) {
            tag = "CAST(NULL AS STRING)";
        }
        StringBuilder sql = new StringBuilder();
        sql.append("-- aicost usage --sql ").append(dialect.key()).append(" (").append(LOGS_RESULT)
                .append("): the aggregation of 'aicost usage' over Bedrock model-invocation logs.\n")
                .append("-- Save the result as CSV with its header and read it with: aicost usage --from-sql-result "
                        + "RESULT.csv\n")
                .append("-- inputTokenCount excludes cache tokens; cache tokens come from input.* or, when only the\n")
                .append("-- response body has them, from its usage.cacheRead/WriteInputTokens. Records without "
                        + "timestamp,\n-- modelId, inputTokenCount or outputTokenCount are left out (aicost counts "
                        + "them as malformed).\n");
        if (dialect != Dialect.DUCKDB) {
            sql.append(ddl(dialect));
        }
        sql.append("WITH calls AS (\n  SELECT ").append(quote(dialect, "modelId")).append(" AS model,\n")
                .append("         ").append(tag).append(" AS tag,\n")
                .append("         region AS region,\n")
                .append("         ").append(quote(dialect, "inferenceRegion")).append(" AS inference_region,\n")
                .append("         ").append(hour(dialect)).append(" AS hour,\n")
                .append("         CAST(input.inputTokenCount AS BIGINT) AS input_tokens,\n")
                .append("         COALESCE(CAST(input.cacheReadInputTokenCount AS BIGINT), ")
                .append(bodyCache(dialect, "cacheReadInputTokens")).append(", 0) AS cache_read_tokens,\n")
                .append("         COALESCE(CAST(input.cacheWriteInputTokenCount AS BIGINT), ")
                .append(bodyCache(dialect, "cacheWriteInputTokens")).append(", 0) AS cache_write_tokens,\n")
                .append("         CAST(output.outputTokenCount AS BIGINT) AS output_tokens\n")
                .append("  FROM ").append(source).append('\n')
                .append("  WHERE ").append(quote(dialect, "modelId")).append(" IS NOT NULL AND ")
                .append(quote(dialect, "timestamp")).append(" IS NOT NULL\n")
                .append("    AND input.inputTokenCount IS NOT NULL AND output.outputTokenCount IS NOT NULL\n")
                .append("),\nbanded AS (\n  -- long context: the call's input with cache tokens above the model's "
                        + "threshold on the card\n  SELECT calls.*, CASE WHEN input_tokens + cache_read_tokens + "
                        + "cache_write_tokens > ")
                .append(thresholds(longContext)).append(" THEN 1 ELSE 0 END AS long_context\n  FROM calls\n)\n");
        String keys = "model, tag, region, inference_region, hour, long_context";
        sql.append("SELECT '").append(LOGS_RESULT).append("' AS aicost_result, ")
                .append(tagKey == null ? (dialect == Dialect.SPARK ? "CAST(NULL AS STRING)" : "CAST(NULL AS VARCHAR)")
                        : literal(tagKey)).append(" AS tag_key, ").append(keys).append(",\n")
                .append("       count(*) AS calls, sum(input_tokens) AS input_tokens, sum(cache_read_tokens) AS "
                        + "cache_read_tokens,\n       sum(cache_write_tokens) AS cache_write_tokens, sum(output_tokens) "
                        + "AS output_tokens\n")
                .append("FROM banded\nGROUP BY ").append(keys).append("\nORDER BY ").append(keys).append(";\n");
        return sql.toString();
    }

    /** {@code CASE model WHEN 'id' THEN 200000 ... END}, or a value no call exceeds when no model has one. */
    private static String thresholds(Map<String, Long> longContext) {
        if (longContext.isEmpty()) {
            return "9223372036854775807";
        }
        StringBuilder out = new StringBuilder("CASE model");
        longContext.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.append(" WHEN ")
                .append(literal(e.getKey())).append(" THEN ").append(e.getValue()));
        return out.append(" ELSE 9223372036854775807 END").toString();
    }

    private static String duckdbSource(List<String> paths) {
        return "read_ndjson(" + files(paths) + ",\n    columns = {timestamp: 'VARCHAR', modelId: 'VARCHAR', region: 'VARCHAR',"
                + " inferenceRegion: 'VARCHAR', requestMetadata: 'JSON',"
                + "\n               input: 'STRUCT(inputTokenCount BIGINT, cacheReadInputTokenCount BIGINT, "
                + "cacheWriteInputTokenCount BIGINT)',\n               output: 'STRUCT(outputTokenCount BIGINT, "
                + "outputBodyJson JSON)'},\n    ignore_errors = true)";
    }

    /** The response body's {@code usage.FIELD} as a BIGINT, NULL when absent. */
    private static String bodyCache(Dialect dialect, String field) {
        return switch (dialect) {
            case DUCKDB -> "CAST(json_extract(output.outputBodyJson, '$.usage." + field + "') AS BIGINT)";
            case ATHENA, TRINO -> "CAST(json_extract_scalar(output.outputBodyJson, '$.usage." + field + "') AS BIGINT)";
            case SPARK -> "CAST(get_json_object(output.outputBodyJson, '$.usage." + field + "') AS BIGINT)";
        };
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
        String columns = "  `timestamp` string,\n  modelId string,\n  region string,\n  inferenceRegion string,\n"
                + "  requestMetadata map<string,string>,\n"
                + "  input struct<inputTokenCount:bigint,cacheReadInputTokenCount:bigint,cacheWriteInputTokenCount:bigint>,\n"
                + "  output struct<outputTokenCount:bigint,outputBodyJson:string>";
        String ddl = switch (dialect) {
            case ATHENA -> "CREATE EXTERNAL TABLE " + TABLE + " (\n" + columns + "\n)\nROW FORMAT SERDE "
                    + "'org.openx.data.jsonserde.JsonSerDe'\nLOCATION 's3://YOUR-BUCKET/AWSLogs/ACCOUNT-ID/"
                    + "BedrockModelInvocationLogs/';";
            case TRINO -> "CREATE TABLE hive.default." + TABLE + " (\n  \"timestamp\" varchar,\n  modelId varchar,\n"
                    + "  region varchar,\n  inferenceRegion varchar,\n"
                    + "  requestMetadata map(varchar, varchar),\n  input row(inputTokenCount bigint, "
                    + "cacheReadInputTokenCount bigint, cacheWriteInputTokenCount bigint),\n"
                    + "  output row(outputTokenCount bigint, outputBodyJson varchar)\n)\nWITH (format = 'JSON', "
                    + "external_location = 's3://YOUR-BUCKET/AWSLogs/ACCOUNT-ID/BedrockModelInvocationLogs/');";
            case SPARK -> "CREATE TEMPORARY VIEW " + TABLE + " (\n" + columns.replace(":", " ")
                    + "\n)\nUSING json\nOPTIONS (path 's3://YOUR-BUCKET/AWSLogs/ACCOUNT-ID/BedrockModelInvocationLogs/', "
                    + "recursiveFileLookup 'true');";
            case DUCKDB -> "";
        };
        return tableComment("The logs", ddl);
    }

    /** {@code ddl} as a comment under "-- WHAT as a table (run once, with your bucket):". */
    static String tableComment(String what, String ddl) {
        StringBuilder out = new StringBuilder("-- " + what + " as a table (run once, with your bucket):\n");
        for (String line : ddl.split("\n")) {
            out.append("--   ").append(line).append('\n');
        }
        return out.toString();
    }

    /** The files DuckDB reads: one literal, or a list of them. */
    static String files(List<String> paths) {
        return paths.size() == 1 ? literal(paths.get(0)) : "[" + String.join(", ", paths.stream()
                .map(SqlEmitter::literal).toList()) + "]";
    }

    /** A quoted identifier: backticks for Spark, double quotes for the others. */
    static String quote(Dialect dialect, String column) {
        return dialect == Dialect.SPARK ? "`" + column.replace("`", "``") + "`"
                : "\"" + column.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
