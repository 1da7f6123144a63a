package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aicost route} end to end: the shipped example, JSON fields, comparisons and bad input. */
class RouteCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CARD = Path.of("src/test/resources/cards/route-card.yaml").toAbsolutePath().toString();

    @TempDir
    Path dir;

    private Path spec(String... lines) throws IOException {
        Path file = dir.resolve("route.yaml");
        List<String> all = new ArrayList<>(List.of("schema: aicost/route/v1", "ratecard: " + CARD));
        all.addAll(List.of(lines));
        Files.write(file, all);
        return file;
    }

    private Cli.Result badInput(Path spec, String... extra) {
        List<String> args = new ArrayList<>(List.of("route", spec.toString(), "--format", "json"));
        args.addAll(List.of(extra));
        return Cli.badInput(dir, args.toArray(String[]::new));
    }

    @Test
    void theShippedExampleSavesAgainstAllSonnet() throws IOException {
        // per request on aws-bedrock-us-east-1 (per 1M: Nova Micro 0.035/0.14, Nova Pro 0.80/3.20 with cache read
        // 0.20 and write 0, Sonnet 4.5 3.30/16.50 with cache write 4.125 and read 0.33, Opus 4.5 5.50/27.50):
        //   intent-classification  Nova Micro 800 x 0.035 + 20 x 0.14 = 30.8e-6; Sonnet 2,970e-6
        //   document-summaries     Nova Pro 8,000 x 0.80 + 400 x 3.20 = 7,680e-6; Sonnet 33,000e-6
        //   faq-answers            Nova Pro 4,000 x 0.80 + 1,000 x (0.9 x 0.20) + 300 x 3.20 = 4,340e-6;
        //                          Sonnet 13,200 + 1,000 x (0.9 x 0.33 + 0.1 x 4.125) + 4,950 = 18,859.5e-6
        //   support-replies        Sonnet 3,300 + 2,000 x (0.8 x 0.33 + 0.2 x 4.125) + 6,600 = 12,078e-6
        //   code-review            Sonnet 19,800 + 13,200 = 33,000e-6
        //   complex-reasoning      Opus 44,000 + 41,250 = 85,250e-6; Sonnet 26,400 + 24,750 = 51,150e-6
        // with 10M requests: baseline 5,940 + 66,000 + 28,289.25 + 26,571.60 + 49,500 + 40,920 = 217,220.85
        // routed 61.60 + 15,360 + 6,510 + 26,571.60 + 49,500 + 68,200 = 166,203.20; savings 51,017.65 (23.48653...%)
        Cli.Result result = Cli.run("route", "examples/routing.yaml", "--format", "json");
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("baseline_monthly_cost").asText()).isEqualTo("217220.850000");
        assertThat(json.get("routed_monthly_cost").asText()).isEqualTo("166203.200000");
        assertThat(json.get("savings").asText()).isEqualTo("51017.650000");
        assertThat(json.get("savings_pct").decimalValue()).isEqualByComparingTo("23.4865");
        assertThat(json.get("rejected_requests").asInt()).isZero();
        JsonNode first = json.get("classes").get(0);
        assertThat(first.get("name").asText()).isEqualTo("intent-classification");
        assertThat(first.get("model").asText()).isEqualTo("amazon.nova-micro");
        assertThat(first.get("cost_per_request").asText()).isEqualTo("0.000031");
        assertThat(first.get("monthly_cost").asText()).isEqualTo("61.600000");
        assertThat(first.get("flag").isNull()).isTrue();
        assertThat(json.get("mix").get("amazon.nova-pro").decimalValue()).isEqualByComparingTo("0.35");
        // the research's shape: 55% to Nova/Haiku class, 37% Sonnet class, 8% Opus class
        assertThat(json.get("mix").get("anthropic.claude-sonnet-4-5").decimalValue()).isEqualByComparingTo("0.37");
        assertThat(json.get("mix").get("anthropic.claude-opus-4-5").decimalValue()).isEqualByComparingTo("0.08");
    }

    @Test
    void ceilingOverridesFromTheCommandLine() throws IOException {
        // a 0.05 ceiling: Opus (0.08525) and Sonnet (0.05115) are over it; the tier-2 candidates under it are
        // Haiku (8,800 + 8,250 = 0.01705) and Nova Pro (6,400 + 4,800 = 0.0112): the cheaper, Nova Pro
        JsonNode json = JSON.readTree(Cli.run("route", "examples/routing.yaml", "--format", "json",
                "--max-cost-per-request", "0.05").out());
        JsonNode reasoning = json.get("classes").get(5);
        assertThat(reasoning.get("model").asText()).isEqualTo("amazon.nova-pro");
        assertThat(reasoning.get("flag").asText()).isEqualTo("downgraded");
        JsonNode rejected = JSON.readTree(Cli.run("route", "examples/routing.yaml", "--format", "json",
                "--max-cost-per-request", "0.05", "--over-ceiling", "reject").out());
        assertThat(rejected.get("classes").get(5).get("flag").asText()).isEqualTo("rejected");
        assertThat(rejected.get("rejected_requests").asInt()).isEqualTo(800_000);
    }

    @Test
    void compareRoutesOnOtherCards() throws IOException {
        // the direct Anthropic API has no Nova models: the tier-1 and tier-2 classes go to Haiku there
        JsonNode json = JSON.readTree(Cli.run("route", "examples/routing.yaml", "--format", "json", "--compare",
                "anthropic-api,openai-api").out());
        JsonNode anthropic = json.get("comparisons").get(0);
        assertThat(anthropic.get("ratecard").asText()).isEqualTo("anthropic-api");
        assertThat(anthropic.get("classes").get(0).get("model").asText()).isEqualTo("claude-haiku-4-5");
        assertThat(anthropic.get("note").asText()).contains("no equivalent of amazon.nova-micro");
        JsonNode openai = json.get("comparisons").get(1);
        assertThat(openai.has("classes")).isFalse();
        assertThat(openai.get("note").asText()).contains("no equivalent of the baseline");
    }

    @Test
    void tableShowsTheSavings() {
        Cli.Result result = Cli.run("route", "examples/routing.yaml", "--width", "0");
        assertThat(result.out()).contains("Savings (23.5%)").contains("$51,017.65")
                .contains("Baseline: every request on anthropic.claude-sonnet-4-5");
        Cli.Result csv = Cli.run("route", "examples/routing.yaml", "--format", "csv");
        assertThat(csv.out().lines().toList().get(1)).startsWith(
                "aws-bedrock-us-east-1,intent-classification,0.20,1,amazon.nova-micro,1,0.000031,2000000,61.600000,");
    }

    @Test
    void sharesMustSumToOne() throws IOException {
        Path spec = spec("baseline: e-top", "requests_per_month: 1000", "classes:",
                "  - { name: a, share: 0.5, input_tokens: 1, output_tokens: 1, min_tier: 1 }",
                "  - { name: b, share: 0.4, input_tokens: 1, output_tokens: 1, min_tier: 1 }");
        assertThat(badInput(spec).err()).contains(spec + ":6:3: classes: shares must sum to 1, got 0.9");
    }

    @Test
    void unknownBaselineAndCandidates() throws IOException {
        Path spec = spec("baseline: e-topp", "requests_per_month: 1000", "candidates: [a-cheap, zz-model, untiered]",
                "classes:", "  - { name: a, share: 1, input_tokens: 1, output_tokens: 1, min_tier: 1 }");
        assertThat(badInput(spec).err())
                .contains(spec + ":3:11: baseline: unknown model 'e-topp' on route-card; closest: e-top")
                .contains(spec + ":5:23: candidates[1]: unknown model 'zz-model' on route-card")
                .contains(spec + ":5:33: candidates[2]: untiered has no capability tier on route-card");
    }

    @Test
    void negativeTokensAndBadValues() throws IOException {
        Path spec = spec("baseline: e-top", "requests_per_month: 1000", "over_ceiling: refuse", "classes:",
                "  - { name: a, share: 1, input_tokens: -5, output_tokens: 1, min_tier: 1 }");
        assertThat(badInput(spec).err())
                .contains(spec + ":7:40: classes[0].input_tokens: must not be negative, got -5")
                .contains(spec + ":5:15: over_ceiling: expected downgrade or reject, got 'refuse'");
    }

    @Test
    void aClassNoCandidateCanServe() throws IOException {
        Path spec = spec("baseline: e-top", "requests_per_month: 1000", "candidates: [a-cheap, c-mid]", "classes:",
                "  - { name: a, share: 0.5, input_tokens: 1, output_tokens: 1, min_tier: 1 }",
                "  - { name: b, share: 0.5, input_tokens: 1, output_tokens: 1, min_tier: 3 }");
        assertThat(badInput(spec).err()).contains(spec + ":8:73: classes[1].min_tier: no candidate on route-card "
                + "has tier 3 or higher and can price this class; candidates: a-cheap (1), c-mid (2)");
    }

    @Test
    void missingFieldsAndUnknownKeys() throws IOException {
        Path spec = spec("baseline: e-top", "classes:", "  - { name: a, share: 1, input_tokens: 1, output_tokens: 1,"
                + " min_teir: 1 }");
        assertThat(badInput(spec).err()).contains("requests_per_month: is required")
                .contains("classes[0].min_teir: unknown key (did you mean 'min_tier'?)")
                .contains("classes[0].min_tier: is required");
    }
}
