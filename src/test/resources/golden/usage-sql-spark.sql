-- aicost usage --sql spark (aicost-usage-logs/1): the aggregation of 'aicost usage' over Bedrock model-invocation logs.
-- Save the result as CSV with its header and read it with: aicost usage --from-sql-result RESULT.csv
-- inputTokenCount excludes cache tokens; cache tokens come from input.* or, when only the
-- response body has them, from its usage.cacheRead/WriteInputTokens. Records without timestamp,
-- modelId, inputTokenCount or outputTokenCount are left out (aicost counts them as malformed).
-- The logs as a table (run once, with your bucket):
--   CREATE TEMPORARY VIEW bedrock_invocation_logs (
--     `timestamp` string,
--     modelId string,
--     region string,
--     inferenceRegion string,
--     requestMetadata map<string,string>,
--     input struct<inputTokenCount bigint,cacheReadInputTokenCount bigint,cacheWriteInputTokenCount bigint>,
--     output struct<outputTokenCount bigint,outputBodyJson string>
--   )
--   USING json
--   OPTIONS (path 's3://YOUR-BUCKET/AWSLogs/ACCOUNT-ID/BedrockModelInvocationLogs/', recursiveFileLookup 'true');
WITH calls AS (
  SELECT `modelId` AS model,
         COALESCE(requestMetadata['team'], '(untagged)') AS tag,
         region AS region,
         `inferenceRegion` AS inference_region,
         date_format(date_trunc('HOUR', to_utc_timestamp(to_timestamp(`timestamp`), 'UTC')), "yyyy-MM-dd'T'HH:00:00'Z'") AS hour,
         CAST(input.inputTokenCount AS BIGINT) AS input_tokens,
         COALESCE(CAST(input.cacheReadInputTokenCount AS BIGINT), CAST(get_json_object(output.outputBodyJson, '$.usage.cacheReadInputTokens') AS BIGINT), 0) AS cache_read_tokens,
         COALESCE(CAST(input.cacheWriteInputTokenCount AS BIGINT), CAST(get_json_object(output.outputBodyJson, '$.usage.cacheWriteInputTokens') AS BIGINT), 0) AS cache_write_tokens,
         CAST(output.outputTokenCount AS BIGINT) AS output_tokens
  FROM bedrock_invocation_logs
  WHERE `modelId` IS NOT NULL AND `timestamp` IS NOT NULL
    AND input.inputTokenCount IS NOT NULL AND output.outputTokenCount IS NOT NULL
),
banded AS (
  -- long context: the call's input with cache tokens above the model's threshold on the card
  SELECT calls.*, CASE WHEN input_tokens + cache_read_tokens + cache_write_tokens > CASE model WHEN 'anthropic.claude-sonnet-4' THEN 200000 WHEN 'anthropic.claude-sonnet-4-20250514-v1:0' THEN 200000 WHEN 'anthropic.claude-sonnet-4-5' THEN 200000 WHEN 'anthropic.claude-sonnet-4-5-20250929-v1:0' THEN 200000 WHEN 'us.anthropic.claude-sonnet-4-20250514-v1:0' THEN 200000 WHEN 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' THEN 200000 ELSE 9223372036854775807 END THEN 1 ELSE 0 END AS long_context
  FROM calls
)
SELECT 'aicost-usage-logs/1' AS aicost_result, 'team' AS tag_key, model, tag, region, inference_region, hour, long_context,
       count(*) AS calls, sum(input_tokens) AS input_tokens, sum(cache_read_tokens) AS cache_read_tokens,
       sum(cache_write_tokens) AS cache_write_tokens, sum(output_tokens) AS output_tokens
FROM banded
GROUP BY model, tag, region, inference_region, hour, long_context
ORDER BY model, tag, region, inference_region, hour, long_context;
