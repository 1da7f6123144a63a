package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aicost usage} on billing exports, checked by hand on the us-east-1 card.
 * cur2.csv: Nova Pro 2,000 x 1K input ($0.80/1M: 1.60, billed 1.50), 100 x 1K output (3.20: 0.32), 500 x 1K
 * cache read (0.20: 0.10) -> priced 2.02, billed 1.92; Nova Lite 1,000 x 1K batch input (0.03: 0.03);
 * Claude Sonnet 4.5 (Marketplace, product name) 1M input 3.30 + 100K output 1.65 + 200K cache write 0.825
 * = 5.775; a guardrails line (0.60) is Bedrock but not tokens; an EC2 line is ignored; one row is malformed.
 * focus.csv: Nova Micro 1M input 0.035 + 500K output 0.07 = 0.105; Claude Haiku 4.5 2M input 2.20 priced at the
 * in-region rate, billed 2.00 (the usage type says _Global).
 */
class UsageBillingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Map<String, JsonNode> models(JsonNode json) {
        return Cli.models(json);
    }

    private static JsonNode run(String... args) throws IOException {
        Cli.Result result = Cli.run(args);
        assertThat(result.exit()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    @Test
    void cur2ExportPricedBesideTheBill() throws IOException {
        JsonNode json = run("usage", "src/test/resources/usage/cur2.csv", "--format", "json");
        assertThat(json.get("format").asText()).isEqualTo("aws-cur");
        assertThat(json.get("records").asInt()).isEqualTo(10);
        assertThat(json.get("malformed_records").asInt()).isEqualTo(1);
        assertThat(json.get("malformed_samples").get(0).get("line").asInt()).isEqualTo(11);
        Map<String, JsonNode> models = models(json);
        JsonNode pro = models.get("amazon.nova-pro");
        assertThat(pro.get("input_tokens").asLong()).isEqualTo(2_000_000);
        assertThat(pro.get("cache_read_tokens").asLong()).isEqualTo(500_000);
        assertThat(pro.get("output_tokens").asLong()).isEqualTo(100_000);
        assertThat(pro.get("cost").asText()).isEqualTo("2.020000");
        assertThat(pro.get("billed_cost").asText()).isEqualTo("1.920000");
        assertThat(pro.get("calls").isNull()).isTrue();
        assertThat(models.get("amazon.nova-lite").get("cost").asText()).isEqualTo("0.030000");
        JsonNode sonnet = models.get("anthropic.claude-sonnet-4-5");
        assertThat(sonnet.get("logged_ids").get(0).asText()).isEqualTo("Claude Sonnet 4.5");
        assertThat(sonnet.get("cost").asText()).isEqualTo("5.775000");
        assertThat(json.get("total_cost").asText()).isEqualTo("7.825000");
        assertThat(json.get("warnings").toString()).contains("billed $0.60");
        // hours 10, 11, 12: 3.1M, 1.5M, 0.3M tokens
        assertThat(json.get("hourly").get("hours").asInt()).isEqualTo(3);
        assertThat(json.get("hourly").get("max").asLong()).isEqualTo(3_100_000);
        assertThat(json.get("hourly").get("p75").asLong()).isEqualTo(2_300_000);
    }

    @Test
    void tagsFromResourceTags() throws IOException {
        JsonNode json = run("usage", "src/test/resources/usage/cur2.csv", "--by", "team", "--format", "json");
        Map<String, String> groups = new HashMap<>();
        json.get("groups").forEach(g -> groups.put(g.get("tag").asText() + "/" + g.get("model").asText(),
                g.get("cost").asText()));
        assertThat(groups).containsEntry("search/amazon.nova-pro", "2.020000")
                .containsEntry("support/anthropic.claude-sonnet-4-5", "5.775000")
                .containsEntry("(untagged)/amazon.nova-lite", "0.030000");
    }

    @Test
    void focusExport() throws IOException {
        JsonNode json = run("usage", "src/test/resources/usage/focus.csv", "--format", "json");
        assertThat(json.get("format").asText()).isEqualTo("focus");
        Map<String, JsonNode> models = models(json);
        assertThat(models.get("amazon.nova-micro").get("cost").asText()).isEqualTo("0.105000");
        assertThat(models.get("anthropic.claude-haiku-4-5").get("cost").asText()).isEqualTo("2.200000");
        assertThat(models.get("anthropic.claude-haiku-4-5").get("billed_cost").asText()).isEqualTo("2.000000");
        JsonNode tagged = run("usage", "src/test/resources/usage/focus.csv", "--by", "team", "--format", "json");
        assertThat(tagged.get("groups").get(0).get("tag").asText()).isEqualTo("search");
    }

    @Test
    void profileFromAnExportAndNoWorkload() throws IOException {
        Path profile = dir.resolve("hourly.csv");
        assertThat(Cli.run("usage", "src/test/resources/usage/cur2.csv", "--emit-profile", profile.toString())
                .exit()).isZero();
        assertThat(Files.readAllLines(profile)).containsExactly("hour,tokens", "2026-10-01T10:00:00Z,3100000",
                "2026-10-01T11:00:00Z,1500000", "2026-10-01T12:00:00Z,300000");
        Cli.Result workload = Cli.run("usage", "src/test/resources/usage/cur2.csv", "--emit-workload",
                dir.resolve("w.yaml").toString());
        assertThat(workload.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(workload.err()).contains("billing exports have no call counts");
    }

    @Test
    void mixedInputsAndStrictRows() {
        Cli.Result mixed = Cli.run("usage", "src/test/resources/usage/cur2.csv", "src/test/resources/usage/invocations.jsonl");
        assertThat(mixed.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mixed.err()).contains("not both");
        Cli.Result strict = Cli.run("usage", "src/test/resources/usage/cur2.csv", "--strict");
        assertThat(strict.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(strict.err()).contains("cur2.csv:11").contains("not a number: 'abc'");
    }

    @Test
    void aBadFieldIsPlacedExactlyAfterColumnsThatAreNotRead() throws IOException {
        // identity_line_item_id is not read, but its quoted value with an escaped quote still counts:
        // "a""b,c" (8 characters) takes columns 1-8, the comma 9, USE1-NovaMicro-input-tokens (27) 10-36, the
        // comma 37, so the bad amount starts at column 38 of line 2
        Path csv = dir.resolve("export.csv");
        Files.writeString(csv, "identity_line_item_id,line_item_usage_type,line_item_usage_amount,"
                + "line_item_unblended_cost,line_item_usage_start_date,line_item_product_code\n"
                + "\"a\"\"b,c\",USE1-NovaMicro-input-tokens,abc,0.1,2026-10-01T10:00:00Z,AmazonBedrock\n");
        Cli.Result strict = Cli.run("usage", csv.toString(), "--strict");
        assertThat(strict.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(strict.err()).contains(csv + ":2:38:").contains("not a number: 'abc'");
    }
}
