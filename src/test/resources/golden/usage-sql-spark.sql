-- aicost usage --sql spark: the aggregation of 'aicost usage' over Bedrock model-invocation logs.
-- inputTokenCount excludes cache tokens; a call's tokens are all four counts.
-- The logs as a table (run once, with your bucket):
--   CREATE TEMPORARY VIEW bedrock_invocation_logs USING json
--   OPTIONS (path 's3://YOUR-BUCKET/AWSLogs/ACCOUNT-ID/BedrockModelInvocationLogs/', recursiveFileLookup 'true');

-- 1. calls and tokens per tag and model
WITH calls AS (
  SELECT `modelId` AS model,
         COALESCE(requestMetadata['team'], '(untagged)') AS tag,
         date_format(date_trunc('HOUR', to_utc_timestamp(to_timestamp(`timestamp`), 'UTC')), "yyyy-MM-dd'T'HH:00:00'Z'") AS hour,
         CAST(input.inputTokenCount AS BIGINT) AS input_tokens,
         COALESCE(CAST(input.cacheReadInputTokenCount AS BIGINT), 0) AS cache_read_tokens,
         COALESCE(CAST(input.cacheWriteInputTokenCount AS BIGINT), 0) AS cache_write_tokens,
         CAST(output.outputTokenCount AS BIGINT) AS output_tokens
  FROM bedrock_invocation_logs
  WHERE `modelId` IS NOT NULL AND `timestamp` IS NOT NULL
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
  SELECT `modelId` AS model,
         COALESCE(requestMetadata['team'], '(untagged)') AS tag,
         date_format(date_trunc('HOUR', to_utc_timestamp(to_timestamp(`timestamp`), 'UTC')), "yyyy-MM-dd'T'HH:00:00'Z'") AS hour,
         CAST(input.inputTokenCount AS BIGINT) AS input_tokens,
         COALESCE(CAST(input.cacheReadInputTokenCount AS BIGINT), 0) AS cache_read_tokens,
         COALESCE(CAST(input.cacheWriteInputTokenCount AS BIGINT), 0) AS cache_write_tokens,
         CAST(output.outputTokenCount AS BIGINT) AS output_tokens
  FROM bedrock_invocation_logs
  WHERE `modelId` IS NOT NULL AND `timestamp` IS NOT NULL
    AND input.inputTokenCount IS NOT NULL AND output.outputTokenCount IS NOT NULL
)
SELECT hour, sum(input_tokens + cache_read_tokens + cache_write_tokens + output_tokens) AS tokens
FROM calls
GROUP BY hour
ORDER BY hour;
