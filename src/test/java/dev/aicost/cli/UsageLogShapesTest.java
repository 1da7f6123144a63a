package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invocation logs as they are copied and stored: pretty-printed records, a JSON array (plain or
 * gzip), records from several regions, and cache tokens that only the response body holds. The
 * shapes are built from the lines of invocations.jsonl, so each must give what that file gives
 * (UsageCommandTest has the hand calculation: total 0.030063 over 5 records).
 */
class UsageLogShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURE = Path.of("src/test/resources/usage/invocations.jsonl");

    @TempDir
    Path dir;

    private static JsonNode json(String... args) throws IOException {
        return Cli.json("usage", args);
    }

    /** The fixture's records that are whole JSON (line 4 is truncated), parsed. */
    private static List<JsonNode> records() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(FIXTURE)) {
            try {
                records.add(JSON.readTree(line));
            } catch (IOException e) {
                // the truncated line
            }
        }
        return records;
    }

    @Test
    void prettyPrintedRecordsAndArraysReadLikeJsonLines() throws IOException {
        JsonNode lines = json(FIXTURE.toString());
        List<JsonNode> records = records();
        StringBuilder pretty = new StringBuilder();
        for (JsonNode record : records) {
            pretty.append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record)).append('\n');
        }
        Path prettyFile = Files.writeString(dir.resolve("pretty.json"), pretty);
        ArrayNode array = JSON.createArrayNode().addAll(records);
        Path arrayFile = Files.writeString(dir.resolve("array.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(array));
        Path gzipArray = dir.resolve("array.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipArray))) {
            out.write(JSON.writeValueAsBytes(array));
        }
        Path bom = Files.write(dir.resolve("bom.json"), ("\uFEFF" + pretty).getBytes(StandardCharsets.UTF_8));
        for (Path file : List.of(prettyFile, arrayFile, gzipArray, bom)) {
            JsonNode json = json(file.toString());
            assertThat(json.get("records").asInt()).as(file.toString()).isEqualTo(5);
            // the record without outputTokenCount is still malformed; the truncated line is not in these files
            assertThat(json.get("malformed_records").asInt()).as(file.toString()).isEqualTo(1);
            assertThat(json.get("models")).as(file.toString()).isEqualTo(lines.get("models"));
            assertThat(json.get("hourly")).as(file.toString()).isEqualTo(lines.get("hourly"));
            assertThat(json.get("total_cost").asText()).isEqualTo("0.030063");
        }
        // the malformed record (6th line of the fixture, 5th whole record) starts on its own line in the pretty file
        JsonNode sample = json(prettyFile.toString()).get("malformed_samples").get(0);
        int expectedLine = 1;
        for (int i = 0; i < 4; i++) {
            expectedLine += JSON.writerWithDefaultPrettyPrinter().writeValueAsString(records.get(i)).split("\n").length;
        }
        assertThat(sample.get("line").asInt()).isEqualTo(expectedLine);
        assertThat(sample.get("message").asText()).isEqualTo("output.outputTokenCount is missing");
    }

    @Test
    void brokenPrettyPrintedJsonIsBadInputWithItsPosition() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.json"), "{\n  \"timestamp\": \"2026-10-01T10:00:00Z\",\n"
                + "  \"modelId\": \"amazon.nova-micro-v1:0\"\n  \"input\": {}\n}\n");
        Cli.Result result = Cli.run("usage", file.toString());
        assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains(file + ":4:").contains("invalid JSON").doesNotContain("Exception");
    }

    private static String call(String region, String inferenceRegion, String model, int input, int output) {
        return "{\"timestamp\":\"2026-10-01T10:00:00Z\",\"region\":\"" + region + "\"" + (inferenceRegion == null ? ""
                : ",\"inferenceRegion\":\"" + inferenceRegion + "\"") + ",\"modelId\":\"" + model + "\",\"input\":"
                + "{\"inputTokenCount\":" + input + "},\"output\":{\"outputTokenCount\":" + output + "}}\n";
    }

    @Test
    void eachCallIsPricedOnTheCardOfItsRegion() throws IOException {
        // us-east-1: Nova Micro 1M in x 0.035 + 1M out x 0.14 = 0.175 (two calls, one served in us-west-2)
        // eu-central-1: no card ships, so the us-east-1 card prices it with a warning: 1 of 4 calls, 25.0%
        // ap-south-1: our own card at 0.05 / 0.20: 1M in + 1M out = 0.25
        String log = call("us-east-1", null, "us.amazon.nova-micro-v1:0", 500_000, 500_000)
                + call("us-east-1", "us-west-2", "us.amazon.nova-micro-v1:0", 500_000, 500_000)
                + call("eu-central-1", null, "amazon.nova-micro-v1:0", 1_000_000, 1_000_000)
                + call("ap-south-1", null, "amazon.nova-micro-v1:0", 1_000_000, 1_000_000);
        Path file = Files.writeString(dir.resolve("regions.jsonl"), log);
        Path card = Files.writeString(dir.resolve("ap-south-1.yaml"), "schema: aicost/ratecard/v1\n"
                + "id: my-ap-south-1\nprovider: aws-bedrock\nregion: ap-south-1\ncurrency: USD\n"
                + "effective: 2026-11-01\nchecked: 2026-11-01\nsource: our account team\nmodels:\n"
                + "  amazon.nova-micro:\n    name: Amazon Nova Micro\n    aliases: [amazon.nova-micro-v1:0]\n"
                + "    input: 0.05\n    output: 0.20\n");
        JsonNode json = json(file.toString(), "--ratecard", "aws-bedrock-us-east-1", "--ratecard", card.toString());
        Map<String, JsonNode> regions = new HashMap<>();
        json.get("regions").forEach(r -> regions.put(r.get("region").asText(), r));
        assertThat(regions).containsOnlyKeys("us-east-1", "eu-central-1", "ap-south-1");
        assertThat(regions.get("us-east-1").get("calls").asInt()).isEqualTo(2);
        assertThat(regions.get("us-east-1").get("ratecard").asText()).isEqualTo("aws-bedrock-us-east-1");
        assertThat(regions.get("us-east-1").get("inference_regions").get("us-west-2").asInt()).isEqualTo(1);
        assertThat(regions.get("eu-central-1").get("priced_on_default_card").asBoolean()).isTrue();
        assertThat(regions.get("eu-central-1").get("share").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(regions.get("ap-south-1").get("ratecard").asText()).isEqualTo("my-ap-south-1");
        assertThat(regions.get("ap-south-1").get("priced_on_default_card").asBoolean()).isFalse();
        // 0.175 + 0.175 + 0.25
        assertThat(json.get("total_cost").asText()).isEqualTo("0.600000");
        assertThat(json.get("warnings").toString())
                .contains("calls made in eu-central-1 (1, 25.0% of calls) are priced on aws-bedrock-us-east-1");
    }

    @Test
    void cacheTokensFromTheResponseBodyWhenOnlyItHasThem() throws IOException {
        // Haiku 4.5: 1,000 in x 1.10 + 4,000 cache read x 0.11 + 2,000 cache write x 1.375 + 100 out x 5.50
        // = 1,100 + 440 + 2,750 + 550 = 4,840e-6
        String body = "{\"timestamp\":\"2026-10-01T10:00:00Z\",\"modelId\":\"anthropic.claude-haiku-4-5-20251001-v1:0\","
                + "\"input\":{\"inputTokenCount\":1000},\"output\":{\"outputBodyJson\":{\"output\":{\"message\":"
                + "{\"content\":[{\"text\":\"ok\"}]}},\"usage\":{\"inputTokens\":1000,\"outputTokens\":100,"
                + "\"cacheReadInputTokens\":4000,\"cacheWriteInputTokens\":2000}},\"outputTokenCount\":100}}\n";
        // when input has them, the body's are ignored: 1,000 x 1.10 + 100 x 5.50 = 1,650e-6
        String both = body.replace("\"inputTokenCount\":1000}", "\"inputTokenCount\":1000,"
                + "\"cacheReadInputTokenCount\":0,\"cacheWriteInputTokenCount\":0}");
        JsonNode json = json(Files.writeString(dir.resolve("body.jsonl"), body).toString());
        JsonNode haiku = json.get("models").get(0);
        assertThat(haiku.get("cache_read_tokens").asLong()).isEqualTo(4000);
        assertThat(haiku.get("cache_write_tokens").asLong()).isEqualTo(2000);
        assertThat(haiku.get("cost").asText()).isEqualTo("0.004840");
        JsonNode inputWins = json(Files.writeString(dir.resolve("both.jsonl"), both).toString());
        assertThat(inputWins.get("models").get(0).get("cache_read_tokens").asLong()).isZero();
        assertThat(inputWins.get("models").get(0).get("cost").asText()).isEqualTo("0.001650");
        // pretty-printed, the same record goes through the other parser and gives the same
        ObjectNode tree = (ObjectNode) JSON.readTree(body);
        JsonNode pretty = json(Files.writeString(dir.resolve("body.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree)).toString());
        assertThat(pretty.get("models")).isEqualTo(json.get("models"));
    }

    @Test
    void aLogWhoseFirstLineIsDamagedIsStillALog() throws IOException {
        List<String> lines = Files.readAllLines(FIXTURE);
        Path file = Files.writeString(dir.resolve("damaged.jsonl"), "garbage, not a record\n"
                + String.join("\n", lines) + "\n");
        JsonNode json = json(file.toString());
        assertThat(json.get("records").asInt()).isEqualTo(5);
        assertThat(json.get("malformed_records").asInt()).isEqualTo(3);
        assertThat(json.get("malformed_samples").get(0).get("line").asInt()).isEqualTo(1);
    }
}
