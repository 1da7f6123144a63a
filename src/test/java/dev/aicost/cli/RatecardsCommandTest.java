package dev.aicost.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aicost ratecards}: list, show, validate, diff, import, and cards that extend others. */
class RatecardsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Prices in JSON are exact decimals written as text. */
    private static java.math.BigDecimal decimal(JsonNode text) {
        return new java.math.BigDecimal(text.asText());
    }

    @Test
    void listShowsDatesAndFlagsStaleCards() throws IOException {
        // the us-east-1 card was checked on 2026-12-01: 91 days later (2027-03-02) it is stale, 90 days later not yet
        Cli.Result fresh = Cli.run("ratecards", "list", "--today", "2027-03-01", "--format", "json");
        assertThat(fresh.exit()).as(fresh.err()).isZero();
        JsonNode cards = JSON.readTree(fresh.out()).get("cards");
        assertThat(cards).hasSize(6);
        assertThat(cards.get(2).get("id").asText()).isEqualTo("aws-bedrock-us-east-1");
        // 33 models before the 2026-12-01 refresh, plus Opus 4.7, 4.8, 5, Fable 5, Sonnet 5 and DeepSeek V3.2, V3, R1
        assertThat(cards.get(2).get("models").asInt()).isEqualTo(41);
        assertThat(cards.get(2).get("status").asText()).isEqualTo("ok");
        JsonNode stale = JSON.readTree(Cli.run("ratecards", "list", "--today", "2027-03-02", "--format", "json").out());
        assertThat(stale.get("cards").get(2).get("status").asText()).isEqualTo("stale: checked 91 days ago");
        assertThat(Cli.run("ratecards", "list", "--width", "0").out()).contains("aws-bedrock-us-east-1  aws-bedrock");
    }

    @Test
    void showPricesAndOneModelsModes() {
        Cli.Result all = Cli.run("ratecards", "show", "aws-bedrock-us-east-1", "--width", "0");
        assertThat(all.exit()).isZero();
        assertThat(all.out()).contains("anthropic.claude-sonnet-4-5").contains("$3.30").contains("1_month $55.00");
        Cli.Result one = Cli.run("ratecards", "show", "aws-bedrock-us-east-1", "--model",
                "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "--width", "0");
        // batch = 3.30 x 0.5; priority = 3.30 x 1.75 = 5.775; long context input 6.60
        assertThat(one.out()).contains("aliases: anthropic.claude-sonnet-4-5-20250929-v1:0").contains("$1.65")
                .contains("$5.775").contains("on_demand (above 200000)").contains("$6.60");
    }

    @Test
    void validateReportsEveryProblemWithItsPosition() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                schema: aicost/ratecard/v1
                id: bad
                provider: test
                currency: usd
                effective: 2026-13-01
                checked: 2026-11-01
                source: x
                models:
                  m: { input: -1, output: 2, cache_reed: 1 }
                """);
        Cli.Result result = Cli.run("ratecards", "validate", bad.toString(), "ratecards/openai-api.yaml");
        assertThat(result.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.out()).contains("ok: ratecards/openai-api.yaml (openai-api, 3 models)");
        assertThat(result.err()).contains(bad + ":4:11: currency: expected a 3-letter ISO code")
                .contains(bad + ":5:12: effective: not a valid date: '2026-13-01'")
                .contains(bad + ":9:30: models.m.cache_reed: unknown key (did you mean 'cache_read'?)")
                .contains(bad + ":9:15: models.m.input: must not be negative, got -1");
    }

    @Test
    void showAndListSpeakJsonAndCsvForScripts() throws IOException {
        // openai-api gpt-5: input 1.25, output 10.00 on the card; batch is not listed, so it is the
        // card's batch_discount 0.50 applied: 0.625 and 5 (hand-computed); flex is listed as 0.625/5.00.
        JsonNode shown = JSON.readTree(Cli.run("ratecards", "show", "openai-api", "--model", "gpt-5",
                "--format", "json").out());
        assertThat(shown.get("schema").asText()).isEqualTo("aicost/ratecard-prices/v1");
        JsonNode gpt5 = shown.get("models").get(0);
        assertThat(shown.get("models")).hasSize(1);
        assertThat(gpt5.get("tier").asInt()).isEqualTo(3);
        assertThat(decimal(gpt5.get("modes").get("on_demand").get("input"))).isEqualByComparingTo("1.25");
        assertThat(decimal(gpt5.get("modes").get("batch").get("input"))).isEqualByComparingTo("0.625");
        assertThat(decimal(gpt5.get("modes").get("batch").get("output"))).isEqualByComparingTo("5");
        assertThat(decimal(gpt5.get("modes").get("priority").get("output"))).isEqualByComparingTo("20");

        String csv = Cli.run("ratecards", "show", "openai-api", "--model", "gpt-5", "--format", "csv").out();
        assertThat(csv.lines().toList()).hasSize(5)
                .first().isEqualTo("model,mode,above_tokens,input,output,cache_write,cache_read,cache_write_1h,kind,size,"
                        + "per_image");
        assertThat(csv).contains("\ngpt-5,flex,,0.625,5.00,0.625,0.0625,,chat,,\n");

        JsonNode whole = JSON.readTree(Cli.run("ratecards", "show", "aws-bedrock-us-east-1", "--format", "json").out());
        assertThat(whole.get("models")).hasSize(41);

        String list = Cli.run("ratecards", "list", "--today", "2027-02-22", "--format", "csv").out();
        assertThat(list.lines().toList()).hasSize(7)
                .first().isEqualTo("id,file,provider,region,currency,models,effective,checked,status");
        assertThat(list).containsPattern("\naws-bedrock-us-east-1,[^,]+,aws-bedrock,us-east-1,USD,41,2026-09-11,2026-12-01,ok\n");
    }

    @Test
    void diffAndFailOnChange() throws IOException {
        Path newer = dir.resolve("openai-new.yaml");
        Files.writeString(newer, Files.readString(Path.of("ratecards/openai-api.yaml"))
                .replace("    input: 1.25\n", "    input: 1.00\n"));
        Cli.Result same = Cli.run("ratecards", "diff", "openai-api", "ratecards/openai-api.yaml", "--fail-on-change");
        assertThat(same.exit()).isZero();
        assertThat(same.out()).contains("0 added, 0 removed, 0 prices changed");
        Cli.Result changed = Cli.run("ratecards", "diff", "openai-api", newer.toString(), "--fail-on-change",
                "--width", "0");
        assertThat(changed.exit()).isEqualTo(ExitCodes.GUARDRAIL);
        // gpt-5 input 1.25 -> 1.00: -20%
        assertThat(changed.out()).contains("1 prices changed").containsPattern("gpt-5 +input +\\$1\\.25 +\\$1\\.00 +-20\\.0%");
        JsonNode json = JSON.readTree(Cli.run("ratecards", "diff", "openai-api", newer.toString(), "--format",
                "json").out());
        assertThat(json.get("changed").get(0).get("pct").decimalValue()).isEqualByComparingTo("-20.00");
        assertThat(Cli.run("ratecards", "diff", "openai-api", newer.toString(), "--format", "csv").out())
                .isEqualTo("model,change,field,unit,old,new,pct\ngpt-5,changed,input,money,1.25,1.00,-20.00\n");
    }

    @Test
    void diffAgainstTheRealLiteLlmMapMatchesModelsThroughAliasesAndPrintsEachFieldInItsUnit() throws IOException {
        Path imported = dir.resolve("litellm-bedrock.yaml");
        Cli.Result result = Cli.run("ratecards", "import", "litellm", "src/test/resources/import/litellm-2026-07-24.json",
                "--provider", "bedrock", "--prefix", "us.", "--id", "litellm-us", "-o", imported.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        Cli.Result diff = Cli.run("ratecards", "diff", "aws-bedrock-us-east-1", imported.toString(), "--width", "0");
        assertThat(diff.exit()).as(diff.err()).isZero();
        // anthropic.claude-sonnet-4-5-20250929-v1:0 (imported from the us. key) is an alias of the shipped
        // anthropic.claude-sonnet-4-5:
        // the LiteLLM us. price is the shipped one ($3.30 = $3.00 global x 1.1), so input is not a change,
        // and the model is neither added nor removed
        assertThat(diff.out()).doesNotContain("+ us.anthropic.claude-sonnet-4-5-20250929-v1:0")
                .doesNotContain("- anthropic.claude-sonnet-4-5\n")
                .doesNotContainPattern("anthropic\\.claude-sonnet-4-5 \\([^)]*\\) +input ");
        // the shipped card names Llama 3.1 70B at $0.72 (AWS pricing page); LiteLLM still carries $0.99 (+37.5%)
        assertThat(diff.out()).containsPattern(
                "meta\\.llama3-1-70b-instruct \\(meta\\.llama3-1-70b-instruct-v1:0\\) +input +\\$0\\.72 +\\$0\\.99 +\\+37\\.5%");
        // a tier is a number and a mode default a percentage, never dollars
        assertThat(diff.out()).containsPattern("tier +3 +—").doesNotContainPattern("tier +\\$")
                .doesNotContain("batch_discount $").containsPattern("defaults\\.batch_discount +50% +—");
        JsonNode json = JSON.readTree(Cli.run("ratecards", "diff", "aws-bedrock-us-east-1", imported.toString(),
                "--format", "json").out());
        assertThat(json.get("matched").get("anthropic.claude-sonnet-4-5-20250929-v1:0").asText())
                .isEqualTo("anthropic.claude-sonnet-4-5");
        assertThat(json.get("changed")).anySatisfy(c -> {
            assertThat(c.get("field").asText()).isEqualTo("tier");
            assertThat(c.get("unit").asText()).isEqualTo("number");
        });
    }

    @Test
    void importWritesACardThatEstimateUses() throws IOException {
        Path card = dir.resolve("imported.yaml");
        Cli.Result result = Cli.run("ratecards", "import", "litellm", "src/test/resources/import/litellm-extract.json",
                "--provider", "bedrock", "--prefix", "us.", "--id", "imported", "-o", card.toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("wrote " + card + ": 8 models").contains("skipped");
        assertThat(Cli.run("ratecards", "validate", card.toString()).exit()).isZero();
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, """
                schema: aicost/workload/v1
                ratecard: imported.yaml
                workloads:
                  - { name: s, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0, requests_per_month: 1000000,
                      input_tokens: 1000, output_tokens: 100 }
                """);
        // 1e9 x 3.30 + 1e8 x 16.50 = 4,950 (the same as the shipped us-east-1 card)
        JsonNode json = JSON.readTree(Cli.run("estimate", spec.toString(), "--format", "json").out());
        assertThat(json.get("monthly_total").asText()).isEqualTo("4950.000000");
        Cli.Result failed = Cli.run("ratecards", "import", "aws-pricelist", "src/test/resources/import/aws-pricelist-sample.json",
                "--region", "us-east-1", "--id", "x", "-o", dir.resolve("x.yaml").toString());
        assertThat(failed.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(failed.err()).contains("no model could be imported");
        assertThat(dir.resolve("x.yaml")).doesNotExist();
    }

    @Test
    void aCardThatExtendsAShippedCardOverridesOnlyWhatItSays() throws IOException {
        Path negotiated = dir.resolve("negotiated.yaml");
        Files.writeString(negotiated, """
                id: negotiated
                extends: aws-bedrock-us-east-1
                source: our private pricing addendum, 2026-11
                checked: 2026-11-20
                models:
                  anthropic.claude-sonnet-4-5: { input: 2.97 }
                """);
        Path spec = dir.resolve("spec.yaml");
        Files.writeString(spec, """
                schema: aicost/workload/v1
                ratecard: negotiated.yaml
                workloads:
                  - { name: s, model: anthropic.claude-sonnet-4-5, requests_per_month: 1000000, input_tokens: 1000,
                      output_tokens: 100 }
                  - { name: h, model: anthropic.claude-haiku-4-5, requests_per_month: 1000000, input_tokens: 1000,
                      output_tokens: 100 }
                """);
        // Sonnet: 1e9 x 2.97 (negotiated) + 1e8 x 16.50 (inherited) = 2,970 + 1,650 = 4,620
        // Haiku, inherited: 1e9 x 1.10 + 1e8 x 5.50 = 1,650
        JsonNode json = JSON.readTree(Cli.run("estimate", spec.toString(), "--format", "json").out());
        assertThat(json.get("workloads").get(0).get("monthly_cost").asText()).isEqualTo("4620.000000");
        assertThat(json.get("workloads").get(1).get("monthly_cost").asText()).isEqualTo("1650.000000");
        assertThat(json.get("workloads").get(0).get("ratecard").asText()).isEqualTo("negotiated");
        Cli.Result diff = Cli.run("ratecards", "diff", "aws-bedrock-us-east-1", negotiated.toString(), "--width", "0");
        assertThat(diff.out()).contains("1 prices changed").containsPattern("anthropic.claude-sonnet-4-5 +input +\\$3\\.30 "
                + "+\\$2\\.97 +-10\\.0%");
        Path orphan = dir.resolve("orphan.yaml");
        Files.writeString(orphan, "id: orphan\nextends: aws-bedrok-us-east-1\n");
        Cli.Result bad = Cli.run("ratecards", "validate", orphan.toString());
        assertThat(bad.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains(orphan + ":2:10: extends: unknown rate card 'aws-bedrok-us-east-1'; did you "
                + "mean aws-bedrock-us-east-1");
    }

    @Test
    void cardsInTheUserFolderAreFoundById() throws IOException {
        String home = System.getProperty("user.home");
        try {
            System.setProperty("user.home", dir.toString());
            Path folder = Files.createDirectories(dir.resolve(".config/aicost/ratecards"));
            Files.writeString(folder.resolve("my-quote.yaml"), """
                    id: my-quote
                    extends: aws-bedrock-us-east-1
                    models:
                      amazon.nova-pro: { input: 0.70 }
                    """);
            Cli.Result list = Cli.run("ratecards", "list", "--format", "json");
            assertThat(JSON.readTree(list.out()).get("cards").toString()).contains("my-quote");
            Cli.Result show = Cli.run("ratecards", "show", "my-quote", "--model", "amazon.nova-pro", "--width", "0");
            assertThat(show.exit()).as(show.err()).isZero();
            assertThat(show.out()).contains("$0.70");
        } finally {
            System.setProperty("user.home", home);
        }
    }
}
