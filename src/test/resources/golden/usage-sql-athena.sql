-- aicost usage --sql athena: the aggregation of 'aicost usage' over Bedrock model-invocation logs.
-- inputTokenCount excludes cache tokens; a call's tokens are all four counts.
-- The logs as a table (run once, with your bucket):
--   CREATE EXTERNAL TABLE bedrock_invocation_logs (
--     `timestamp` string,
--     modelId string,
--     requestMetadata map<string,string>,
--     input struct<inputTokenCount:bigint,cacheReadInputTokenCount:bigint,cacheWriteInputTokenCount:bigint>,
--     output struct<outputTokenCount:bigint>
--   )
--   ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'
--   LOCATION 's3://YOUR-BUCKET/AWSLogs/ACCOUNT-ID/BedrockModelInvocationLogs/';

-- 1. calls and tokens per tag and model
WITH calls AS (
  SELECT "modelId" AS model,
         COALESCE(element_at(requestMetadata, 'team'), '(untagged)') AS tag,
         date_format(date_trunc('hour', from_iso8601_timestamp("timestamp") AT TIME ZONE 'UTC'), '%Y-%m-%dT%H:00:00Z') AS hour,
         CAST(input.inputTokenCount AS BIGINT) AS input_tokens,
         COALESCE(CAST(input.cacheReadInputTokenCount AS BIGINT), 0) AS cache_read_tokens,
         COALESCE(CAST(input.cacheWriteInputTokenCount AS BIGINT), 0) AS cache_write_tokens,
         CAST(output.outputTokenCount AS BIGINT) AS output_tokens
  FROM bedrock_invocation_logs
  WHERE "modelId" IS NOT NULL AND "timestamp" IS NOT NULL
    AND input.inputTokenCount IS NOT NULL AND output.outputTokenCount IS NOT NULL
)
SELECT tag, model, count(*) AS calls, sum(input_tokens) AS input_tokens,
       sum(cache_read_tokens) AS cache_read_tokens, sum(cache_write_tokens) AS cache_write_tokens,
       sum(output_tokens) AS output_tokens
FROM calls
GROUP BY tag, model
ORDER BY tag, model;

-- 2. tokens per hour (hours without calls are absent here; aicost counts them as 0)
WITH calls AS (
  SELECT "modelId" AS model,
         COALESCE(element_at(requestMetadata, 'team'), '(untagged)') AS tag,
         date_format(date_trunc('hour', from_iso8601_timestamp("timestamp") AT TIME ZONE 'UTC'), '%Y-%m-%dT%H:00:00Z') AS hour,
         CAST(input.inputTokenCount AS BIGINT) AS input_tokens,
         COALESCE(CAST(input.cacheReadInputTokenCount AS BIGINT), 0) AS cache_read_tokens,
         COALESCE(CAST(input.cacheWriteInputTokenCount AS BIGINT), 0) AS cache_write_tokens,
         CAST(output.outputTokenCount AS BIGINT) AS output_tokens
  FROM bedrock_invocation_logs
  WHERE "modelId" IS NOT NULL AND "timestamp" IS NOT NULL
    AND input.inputTokenCount IS NOT NULL AND output.outputTokenCount IS NOT NULL
)
SELECT hour, sum(input_tokens + cache_read_tokens + cache_write_tokens + output_tokens) AS tokens
FROM calls
GROUP BY hour
ORDER BY hour;
