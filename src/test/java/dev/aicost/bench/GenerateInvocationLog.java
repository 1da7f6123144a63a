package dev.aicost.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes a Bedrock model-invocation log of about the size asked for: records of realistic shape
 * (identity, request metadata, Converse request and response bodies of ~1 KB), several models
 * and teams, over 30 days. Deterministic for a given size. Usage: GenerateInvocationLog FILE MB
 */
public final class GenerateInvocationLog {
    private static final String[] MODELS = {"us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        "anthropic.claude-haiku-4-5-20251001-v1:0", "us.amazon.nova-pro-v1:0", "amazon.nova-micro-v1:0",
        "us.anthropic.claude-opus-4-5-20251101-v1:0", "meta.llama3-3-70b-instruct-v1:0"};
    private static final String[] TEAMS = {"support", "search", "sales", "platform", "research"};
    private static final String WORDS = "the policy covers water damage from burst pipes but not gradual leaks and the "
            + "claimant must provide photos receipts and a plumber report within thirty days of the incident ";

    private GenerateInvocationLog() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        long target = Long.parseLong(args[1]) * 1024 * 1024;
        SplittableRandom random = new SplittableRandom(42);
        long start = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
        long written = 0;
        long records = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (written < target) {
                String line = record(random, start + random.nextLong(30L * 24 * 3600), records++);
                out.write(line);
                out.write('\n');
                written += line.length() + 1;
            }
        }
        System.out.println(records + " records, " + (written >> 20) + " MB: " + file);
    }

    public static String record(SplittableRandom random, long epochSecond, long n) {
        String model = MODELS[random.nextInt(MODELS.length)];
        String team = TEAMS[random.nextInt(TEAMS.length)];
        int input = 200 + random.nextInt(4000);
        boolean caches = !model.startsWith("meta.");
        int cacheRead = caches && random.nextInt(3) != 0 ? random.nextInt(3000) : 0;
        int cacheWrite = caches && random.nextInt(5) == 0 ? random.nextInt(2000) : 0;
        int output = 20 + random.nextInt(900);
        String prompt = text(random, 160);
        String answer = text(random, 140);
        return "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\",\"timestamp\":\""
                + Instant.ofEpochSecond(epochSecond) + "\",\"accountId\":\"123456789012\",\"identity\":{\"arn\":"
                + "\"arn:aws:sts::123456789012:assumed-role/app-" + team + "/session-" + (n % 97) + "\"},"
                + "\"region\":\"us-east-1\",\"requestId\":\"" + Long.toHexString(n * 2654435761L) + "-"
                + Long.toHexString(epochSecond) + "\",\"operation\":\"Converse\",\"modelId\":\"" + model + "\","
                + "\"requestMetadata\":{\"team\":\"" + team + "\",\"costCentre\":\"CC-" + (1000 + team.length()) + "\"},"
                + "\"input\":{\"inputContentType\":\"application/json\",\"inputBodyJson\":{\"messages\":[{\"role\":"
                + "\"user\",\"content\":[{\"text\":\"" + prompt + "\"}]}],\"system\":[{\"text\":\"You are a claims "
                + "assistant. Answer from the policy only.\"}],\"inferenceConfig\":{\"maxTokens\":1024,\"temperature\":"
                + "0.2}},\"inputTokenCount\":" + input + ",\"cacheReadInputTokenCount\":" + cacheRead
                + ",\"cacheWriteInputTokenCount\":" + cacheWrite + "},\"output\":{\"outputContentType\":"
                + "\"application/json\",\"outputBodyJson\":{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":"
                + "[{\"text\":\"" + answer + "\"}]}},\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":" + input
                + ",\"outputTokens\":" + output + "},\"metrics\":{\"latencyMs\":" + (300 + random.nextInt(4000))
                + "}},\"outputTokenCount\":" + output + "}}";
    }

    private static String text(SplittableRandom random, int length) {
        int offset = random.nextInt(WORDS.length());
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(WORDS, offset, WORDS.length());
            offset = 0;
        }
        return text.substring(0, length);
    }
}
